package com.leadledger.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (private keys, tokens, credentials): the directory is {@code rwx------} and each file is
 * created {@code rw-------} from its first byte — written to a temporary file made with those permissions, then moved
 * into place atomically — so no other user can read it even for a moment. Where the file system has no POSIX
 * permissions, the files are written plainly.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and missing parents) owner-only; an existing one is made owner-only. */
    public static Path directory(Path dir) throws IOException {
        if (!posix()) {
            return Files.createDirectories(dir);
        }
        if (Files.isDirectory(dir)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
            return dir;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }

    /** Writes (or replaces) the file atomically, readable by its owner only, in an owner-only directory. */
    public static void write(Path file, String content) throws IOException {
        Path dir = directory(file.toAbsolutePath().getParent());
        FileAttribute<?>[] attributes = posix()
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

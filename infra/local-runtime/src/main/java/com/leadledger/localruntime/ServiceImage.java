package com.leadledger.localruntime;

import org.apache.commons.io.FileUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * A service's jar prepared for cheap starts, once per build of the jar and shared by every JVM that starts it: a Spring
 * Boot executable jar unpacked with Boot's jar tools (loading classes from nested jars costs about a quarter of a
 * start's CPU), and, once an instance has run and been stopped gracefully, a class-data-sharing archive of the classes
 * it loaded ({@code -XX:SharedArchiveFile}), which halves what is left. The command service measured 13.4 s of CPU to
 * start from its executable jar, 10.0 s unpacked and 5.4 s unpacked with the archive.
 * <p>
 * It lives beside the jar, in {@code fast-start/<jar>-<size>-<modified>/}: a rebuilt jar gets a new one. An instance
 * started before any archive exists records one at its exit ({@code -XX:ArchiveClassesAtExit}) into a file of its
 * own, which is kept only when the instance stopped gracefully and no other archive was kept first.
 */
final class ServiceImage {

    private static final String BOOT_LAUNCHER_PREFIX = "org.springframework.boot.loader.";
    /** Per image directory, so that two threads of one JVM never ask for the same file lock (that would throw). */
    private static final Map<Path, Object> LOCKS_IN_THIS_JVM = new ConcurrentHashMap<>();
    /** Exit values of a JVM that ran its exit path (where it writes the archive): on its own or after SIGTERM. */
    private static final List<Integer> GRACEFUL_EXITS = List.of(0, 128 + 15);

    private final Path launchJar;
    private final Path archive;

    private ServiceImage(Path launchJar, Path archive) {
        this.launchJar = launchJar;
        this.archive = archive;
    }

    /** The image of {@code jar}, unpacked now if no JVM has done so yet (a jar that is not Boot's is used as it is). */
    static ServiceImage of(Path jar) {
        try {
            Path dir = jar.resolveSibling("fast-start").resolve(jar.getFileName() + "-" + Files.size(jar) + "-"
                    + Files.getLastModifiedTime(jar).toMillis());
            Files.createDirectories(dir);
            Path launchJar = isBootExecutable(jar) ? unpacked(jar, dir) : jar;
            return new ServiceImage(launchJar, dir.resolve("classes.jsa"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + jar + " for starting", e);
        }
    }

    /** What follows {@code java} and the caller's JVM options: the archive's use or its recording, then the jar. */
    Launch launch() {
        List<String> arguments = new ArrayList<>();
        Path recording = null;
        if (Files.isRegularFile(archive)) {
            arguments.add("-XX:SharedArchiveFile=" + archive);
        } else {
            recording = archive.resolveSibling("recording-" + UUID.randomUUID() + ".jsa");
            arguments.add("-XX:ArchiveClassesAtExit=" + recording);
        }
        arguments.add("-jar");
        arguments.add(launchJar.toString());
        return new Launch(List.copyOf(arguments), recording, archive);
    }

    /** A launch's arguments, where it records the archive (null when it uses one) and where the archive is kept. */
    record Launch(List<String> arguments, Path recording, Path archive) {

        /** Keeps what the instance recorded as the archive, if it exited gracefully and none was kept before. */
        void exited(int exitValue) {
            if (recording == null) {
                return;
            }
            try {
                if (GRACEFUL_EXITS.contains(exitValue) && Files.isRegularFile(recording) && Files.size(recording) > 0
                        && !Files.exists(archive)) {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException lostRace) {
                // another instance's archive was kept in the meantime: as good as this one
            } finally {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException ignored) {
                    // a stray recording costs disk only; the next build of the jar has a new directory
                }
            }
        }
    }

    Path launchJar() {
        return launchJar;
    }

    Path archive() {
        return archive;
    }

    private static boolean isBootExecutable(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith(BOOT_LAUNCHER_PREFIX);
        }
    }

    /** The jar unpacked by Boot's jar tools ({@code java -Djarmode=tools -jar <jar> extract}), once per image. */
    private static Path unpacked(Path jar, Path dir) throws IOException {
        Path unpacked = dir.resolve("unpacked");
        Path launchJar = unpacked.resolve(jar.getFileName());
        synchronized (LOCKS_IN_THIS_JVM.computeIfAbsent(dir, d -> new Object())) {
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(launchJar)) {
                    return launchJar;
                }
                Path partial = dir.resolve("unpacking-" + UUID.randomUUID());
                Path log = dir.resolve("unpack.log");
                Process extract = new ProcessBuilder(Processes.javaExecutable(), "-Djarmode=tools", "-jar",
                        jar.toString(), "extract", "--destination", partial.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (Processes.awaitExit(extract, Duration.ofMinutes(2)).orElse(-1) != 0) {
                    FileUtils.deleteDirectory(partial.toFile());
                    throw new IOException("unpacking failed, see " + log);
                }
                FileUtils.deleteDirectory(unpacked.toFile());
                Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
                return launchJar;
            }
        }
    }

}

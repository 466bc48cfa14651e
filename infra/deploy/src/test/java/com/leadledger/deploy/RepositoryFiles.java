package com.leadledger.deploy;

import com.leadledger.localruntime.ProjectPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository, by their path from its root. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    static Path root() {
        return ProjectPaths.root();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String text(String relative) {
        return text(path(relative));
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

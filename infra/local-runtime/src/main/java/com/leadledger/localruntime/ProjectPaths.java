package com.leadledger.localruntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the repository and the services' executable jars are. */
public final class ProjectPaths {

    /** JVM system property naming the repository root; overrides the search. */
    public static final String ROOT_PROPERTY = "leadledger.root";

    private ProjectPaths() {
    }

    /**
     * The repository root: the system property {@value #ROOT_PROPERTY} if set, otherwise the first directory, walking
     * up from the working directory, that holds both {@code pom.xml} and {@code command-service/}.
     */
    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path start = Paths.get("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("command-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("could not find the Lead Ledger repository root (a directory with pom.xml and "
                + "command-service/) above " + start + "; set -D" + ROOT_PROPERTY + "=<path>");
    }

    public static Path commandServiceJar() {
        return root().resolve("command-service/target/command-service-exec.jar");
    }

    public static Path queryServiceJar() {
        return root().resolve("query-service/target/query-service-exec.jar");
    }

    /** The given jar, or an exception telling how to build it. */
    public static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " - build the services first, e.g. "
                    + "`./mvnw -DskipTests package` in " + root());
        }
        return jar;
    }
}

package com.leadledger.localruntime;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPathsTest {

    @Test
    void findsTheRepositoryRootAndTheServiceJarLocations() {
        var root = ProjectPaths.root();
        assertThat(Files.isRegularFile(root.resolve("pom.xml"))).isTrue();
        assertThat(Files.isDirectory(root.resolve("command-service"))).isTrue();
        assertThat(ProjectPaths.commandServiceJar()).isEqualTo(root.resolve("command-service/target/command-service-exec.jar"));
        assertThat(ProjectPaths.queryServiceJar()).isEqualTo(root.resolve("query-service/target/query-service-exec.jar"));
    }
}

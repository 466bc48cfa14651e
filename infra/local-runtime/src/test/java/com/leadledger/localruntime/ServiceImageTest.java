package com.leadledger.localruntime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started fast records a class-data-sharing archive when stopped gracefully, and the next instance maps it;
 * an instance killed before that keeps nothing. (The unpacking of Boot's executable jars is checked with the real
 * services, in the end-to-end tests.)
 */
class ServiceImageTest {

    @TempDir
    Path dir;

    @Test
    void anInstanceStoppedGracefullyLeavesTheArchiveTheNextOneMaps() throws Exception {
        Path jar = ServiceProcessTest.packFakeService(dir.resolve("fake-service-exec.jar"));
        ServiceImage image = ServiceImage.of(jar);
        ServiceProcess first = fastService(jar, "first");
        ServiceProcess second = fastService(jar, "second");
        try {
            first.start();
            assertThat(image.archive()).as("no archive while the first instance runs").doesNotExist();
            first.stop();
            assertThat(image.archive()).as("kept when the first instance stopped").isNotEmptyFile();
            assertThat(image.launchJar()).as("a jar that is not Boot's is started as it is").isEqualTo(jar);

            second.start();
            assertThat(mappedFiles(second)).as("the second instance's mapped files").contains(image.archive().toString());
            second.kill();
            assertThat(recordings(image)).isEmpty();
        } finally {
            first.kill();
            second.kill();
        }
    }

    @Test
    void anInstanceKilledBeforeAnyArchiveExistsKeepsNone() throws Exception {
        Path jar = ServiceProcessTest.packFakeService(dir.resolve("fake-service-exec.jar"));
        ServiceImage image = ServiceImage.of(jar);
        ServiceProcess killed = fastService(jar, "killed");
        try {
            killed.start();
            killed.kill();
            assertThat(image.archive()).doesNotExist();
            assertThat(recordings(image)).isEmpty();
        } finally {
            killed.kill();
        }
    }

    private ServiceProcess fastService(Path jar, String name) {
        return ServiceProcess.builder(jar).name(name).jvmArgs("-Xmx64m").fastStart(true)
                .logFile(dir.resolve("logs/" + name + ".log")).startTimeout(Duration.ofSeconds(60)).build();
    }

    private static List<String> mappedFiles(ServiceProcess service) throws IOException {
        long pid = service.pid().orElseThrow();
        return Files.readAllLines(Path.of("/proc/" + pid + "/maps")).stream()
                .map(line -> line.replaceFirst("^(\\S+\\s+){5}", "").trim()).distinct().toList();
    }

    private static List<Path> recordings(ServiceImage image) throws IOException {
        try (Stream<Path> files = Files.list(image.archive().getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith("recording-")).toList();
        }
    }
}

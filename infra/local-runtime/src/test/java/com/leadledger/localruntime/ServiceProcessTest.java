package com.leadledger.localruntime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceProcessTest {

    @TempDir
    static Path dir;
    static Path jar;

    @BeforeAll
    static void packFakeService() throws Exception {
        jar = packFakeService(dir.resolve("fake-service-exec.jar"));
    }

    /** A jar whose main class is {@link FakeService}. */
    static Path packFakeService(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void startsWaitsForHealthStopsGracefullyKillsAndRestarts() throws Exception {
        Path log = dir.resolve("logs/fake.log");
        ServiceProcess service = ServiceProcess.builder(jar).env("GREETING", "hi").jvmArgs("-Xmx64m")
                .logFile(log).startTimeout(Duration.ofSeconds(30)).build();
        try {
            service.start();
            assertThat(service.isRunning()).isTrue();
            assertThat(service.name()).isEqualTo("fake-service");
            assertThat(service.baseUrl()).isEqualTo("http://localhost:" + service.port());
            assertThat(Files.readString(log)).contains("axon checker disabled=true env=true greeting=hi");

            service.stop();
            assertThat(service.isRunning()).isFalse();
            assertThat(Files.readString(log)).contains("graceful shutdown");

            service.start();
            long before = Files.readString(log).split("graceful shutdown", -1).length;
            service.kill();
            assertThat(service.isRunning()).isFalse();
            assertThat((long) Files.readString(log).split("graceful shutdown", -1).length).isEqualTo(before);

            service.restart();
            assertThat(service.isRunning()).isTrue();
        } finally {
            service.stop();
        }
    }

    @Test
    void newSessionKeepsThePidAndDetachesFromOurProcessGroup() throws Exception {
        ServiceProcess service = ServiceProcess.builder(jar).logFile(dir.resolve("logs/session.log"))
                .newSession(true).build();
        try {
            service.start();
            long pid = service.pid().orElseThrow();
            assertThat(ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("")).endsWith("java");
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (Files.exists(stat) && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                String[] fields = Files.readString(stat).substring(Files.readString(stat).lastIndexOf(')') + 2).split(" ");
                assertThat(Long.parseLong(fields[2])).as("process group id").isEqualTo(pid);
            }
            service.stop();
            assertThat(Files.readString(dir.resolve("logs/session.log"))).contains("graceful shutdown");
        } finally {
            service.kill();
        }
    }

    @Test
    void failsFastWithTheEndOfTheLogWhenTheProcessDies() {
        ServiceProcess service = ServiceProcess.builder(jar).env("FAKE_MODE", "crash")
                .logFile(dir.resolve("logs/crash.log")).startTimeout(Duration.ofSeconds(60)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3").hasMessageContaining("boom: fake startup failure");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void servicesStartedTogetherAreAllReadyWhenItReturns() {
        ServiceProcess one = ServiceProcess.builder(jar).name("together-1").jvmArgs("-Xmx64m")
                .logFile(dir.resolve("logs/together-1.log")).startTimeout(Duration.ofSeconds(30)).build();
        ServiceProcess two = ServiceProcess.builder(jar).name("together-2").jvmArgs("-Xmx64m")
                .logFile(dir.resolve("logs/together-2.log")).startTimeout(Duration.ofSeconds(30)).build();
        try {
            ServiceProcess.startTogether(one, two);
            assertThat(one.isRunning()).isTrue();
            assertThat(two.isRunning()).isTrue();
        } finally {
            one.kill();
            two.kill();
        }
    }

    @Test
    void whenOneOfTheServicesStartedTogetherFailsTheOthersAreKilledAndItsFailureIsThrown() {
        ServiceProcess healthy = ServiceProcess.builder(jar).name("together-healthy").jvmArgs("-Xmx64m")
                .logFile(dir.resolve("logs/together-healthy.log")).startTimeout(Duration.ofSeconds(30)).build();
        ServiceProcess crashing = ServiceProcess.builder(jar).name("together-crashing").env("FAKE_MODE", "crash")
                .logFile(dir.resolve("logs/together-crashing.log")).startTimeout(Duration.ofSeconds(30)).build();
        try {
            assertThatThrownBy(() -> ServiceProcess.startTogether(healthy, crashing))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited with code 3");
            assertThat(healthy.isRunning()).isFalse();
            assertThat(crashing.isRunning()).isFalse();
        } finally {
            healthy.kill();
        }
    }

    @Test
    void refusesAMissingJar() {
        ServiceProcess service = ServiceProcess.builder(dir.resolve("nope.jar")).build();
        assertThatThrownBy(service::start).hasMessageContaining("missing");
    }
}

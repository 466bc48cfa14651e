package com.leadledger.testsupport;

import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.LocalPostgres;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL and Kafka broker that every test JVM of one Maven build shares (surefire's and failsafe's, of
 * every module). The first JVM that needs them starts a keeper process ({@link #main}) that runs both and stops them
 * when the Maven process ends, however it ends (finished, failed, interrupted or killed); the other JVMs read where they
 * are from the keeper's state file. Outside a Maven build (an IDE, a plain {@code java}) there is nothing to share.
 */
public final class BuildSharedServers {

    /** Where a JVM finds the build's servers. */
    record Endpoints(String postgresUrl, String kafkaBootstrap) {
    }

    private static final Logger log = LoggerFactory.getLogger(BuildSharedServers.class);
    private static final String MAVEN_LAUNCHER = "org.codehaus.plexus.classworlds.launcher.Launcher";
    private static final Duration KEEPER_START = Duration.ofMinutes(5);

    private BuildSharedServers() {
    }

    /** The servers of the Maven build this JVM runs in, started now if no JVM of the build has yet; empty outside one. */
    static Optional<Endpoints> forThisBuild() {
        Optional<ProcessHandle> maven = mavenProcess();
        if (maven.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle build = maven.get();
        long started = build.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "leadledger-test-servers", build.pid() + "-" + started);
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Optional<Endpoints> running = read(dir);
                return Optional.of(running.isPresent() ? running.get() : startKeeper(dir, build));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not share the test servers through " + dir, e);
        }
    }

    /** The Maven process among this JVM's ancestors (surefire and failsafe fork test JVMs from it). */
    private static Optional<ProcessHandle> mavenProcess() {
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent()) {
            if (ancestor.get().info().commandLine().orElse("").contains(MAVEN_LAUNCHER)) {
                return ancestor;
            }
            ancestor = ancestor.get().parent();
        }
        return Optional.empty();
    }

    private static Optional<Endpoints> read(Path dir) throws IOException {
        Path state = dir.resolve("servers.properties");
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            properties.load(in);
        }
        boolean keeperAlive = ProcessHandle.of(Long.parseLong(properties.getProperty("keeper")))
                .map(ProcessHandle::isAlive).orElse(false);
        return keeperAlive ? Optional.of(new Endpoints(properties.getProperty("postgres"),
                properties.getProperty("kafka"))) : Optional.empty();
    }

    private static Endpoints startKeeper(Path dir, ProcessHandle maven) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path logFile = dir.resolve("keeper.log");
        log.info("starting the test servers this build shares (PostgreSQL, Kafka); keeper log: {}", logFile);
        Process keeper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", classPath, BuildSharedServers.class.getName(), dir.toString(),
                Long.toString(maven.pid()))
                .redirectErrorStream(true).redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice().toFile()))
                .start();
        long deadline = System.nanoTime() + KEEPER_START.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Endpoints> endpoints = read(dir);
            if (endpoints.isPresent()) {
                return endpoints.get();
            }
            if (!keeper.isAlive()) {
                throw new IllegalStateException("the test servers' keeper exited (" + keeper.exitValue() + "): "
                        + tail(logFile));
            }
            sleep(Duration.ofMillis(100));
        }
        keeper.destroyForcibly();
        throw new IllegalStateException("the test servers were not ready within " + KEEPER_START + ": " + tail(logFile));
    }

    /**
     * The keeper: starts the servers, writes where they are, and stops them (and deletes their files) once the Maven
     * process has ended. Arguments: the build's directory, the Maven process id.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ProcessHandle maven = ProcessHandle.of(Long.parseLong(args[1])).orElseThrow(
                () -> new IllegalStateException("the Maven process " + args[1] + " is gone"));
        AtomicReference<LocalPostgres> postgres = new AtomicReference<>();
        AtomicReference<KafkaBrokerProcess> kafka = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir, postgres.get(), kafka.get(),
                !maven.isAlive()), "test-servers-stop"));
        // from now on, however far the start got: the build is over, so are its servers
        maven.onExit().thenRun(() -> System.exit(0));

        postgres.set(TestInfrastructure.embeddedPostgres());
        kafka.set(TestInfrastructure.embeddedKafka(dir.resolve("kafka")));
        kafka.get().start();

        Properties state = new Properties();
        state.setProperty("keeper", Long.toString(ProcessHandle.current().pid()));
        state.setProperty("postgres", postgres.get().jdbcUrl("postgres"));
        state.setProperty("kafka", kafka.get().bootstrapServers());
        Path written = dir.resolve("servers.properties.new");
        try (OutputStream out = Files.newOutputStream(written)) {
            state.store(out, "the test servers of Maven process " + maven.pid());
        }
        Files.move(written, dir.resolve("servers.properties"), StandardCopyOption.ATOMIC_MOVE);
        maven.onExit().join();
    }

    /** Stops what was started; deletes the build's directory, but keeps the keeper's log if it failed to start. */
    private static void stop(Path dir, LocalPostgres postgres, KafkaBrokerProcess kafka, boolean buildOver) {
        if (kafka != null) {
            kafka.kill();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
            FileUtils.deleteDirectory((buildOver ? dir : dir.resolve("kafka")).toFile());
        } catch (IOException e) {
            System.err.println("could not clean up " + dir + ": " + e);
        }
    }

    private static Path nullDevice() {
        return Path.of(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test servers start", e);
        }
    }
}

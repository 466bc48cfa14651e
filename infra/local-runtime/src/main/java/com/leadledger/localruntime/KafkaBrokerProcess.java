package com.leadledger.localruntime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (the {@code kafka_2.13} server) running as a child JVM in KRaft mode: one combined
 * broker + controller node ({@code node.id=1}), single-replica internal topics, automatic topic creation on.
 * {@link #start()} returns once it serves admin requests.
 *
 * <p>The data directory is persistent: the storage is formatted (with a cluster id kept in {@code cluster.id} in that
 * directory) only when it holds no {@code meta.properties} yet, so records survive {@link #stop()} / {@link #start()}
 * and even {@link #kill()}. Layout of the data directory: {@code server.properties}, {@code cluster.id},
 * {@code broker.pid}, {@code logback-broker.xml} and the log segments under {@code data/}. The broker's output goes to
 * {@code kafka-broker.log} in the log directory.
 */
public final class KafkaBrokerProcess extends ChildProcess<KafkaBrokerProcess> implements KafkaServer {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final String MAIN_CLASS = "kafka.Kafka";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String maxHeap;

    /** A broker on the given ports (0 = pick a free one now) that writes {@code kafka-broker.log} into logDirectory. */
    public KafkaBrokerProcess(Path dataDir, int port, int controllerPort, Path logDirectory) {
        this(builder(dataDir).port(port).controllerPort(controllerPort).logDirectory(logDirectory));
    }

    private KafkaBrokerProcess(Builder b) {
        super("Kafka broker", (b.logDirectory == null ? b.dataDir : b.logDirectory).resolve("kafka-broker.log"), b);
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.port = b.port == 0 ? Processes.freePort() : b.port;
        int cport = b.controllerPort == 0 ? Processes.freePort() : b.controllerPort;
        while (cport == this.port) {
            cport = Processes.freePort();
        }
        this.controllerPort = cport;
        this.maxHeap = b.maxHeap;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    @Override
    protected List<String> prepare() throws IOException {
        Files.createDirectories(dataDir);
        stopStaleBroker();
        Processes.requireFreePort(port, "Kafka broker");
        Processes.requireFreePort(controllerPort, "Kafka controller");
        Path config = writeServerProperties();
        Path logback = writeLogbackConfig();
        appendToLog("==== " + Instant.now() + " starting Kafka broker on localhost:" + port + " (data " + dataDir + ")");
        formatStorageIfNeeded(config, logback);
        List<String> command = javaCommand(logback);
        command.add(MAIN_CLASS);
        command.add(config.toString());
        return command;
    }

    @Override
    protected void configure(ProcessBuilder builder) {
        builder.directory(dataDir.toFile());
    }

    @Override
    protected void launched(Process process) throws IOException {
        Files.writeString(dataDir.resolve("broker.pid"), Long.toString(process.pid()));
    }

    @Override
    protected void exited() {
        try {
            Files.deleteIfExists(dataDir.resolve("broker.pid"));
        } catch (IOException ignored) {
            // harmless: the next start checks whether that pid is still a broker
        }
    }

    /** Ready once it lists its topics; one admin client for all attempts. */
    @Override
    protected ReadinessProbe readinessProbe() {
        return new ReadinessProbe() {
            private Admin admin;

            @Override
            public boolean isReady() {
                if (!Processes.isListening(port)) {
                    return false;
                }
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                            AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 200));
                }
                try {
                    admin.listTopics(new ListTopicsOptions().timeoutMs(3000).listInternal(true))
                            .names().get(4, TimeUnit.SECONDS);
                    return true;
                } catch (Exception notYet) {
                    log.debug("broker not ready yet: {}", notYet.toString());
                    return false;
                }
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(250);
            }

            @Override
            public void close() {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(2));
                }
            }
        };
    }

    @Override
    protected String address() {
        return bootstrapServers();
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    private List<String> javaCommand(Path logback) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.add("-Xmx" + maxHeap);
        command.add("-Xms64m");
        command.add("-XX:+UseG1GC");
        command.add("-XX:MaxGCPauseMillis=20");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=" + logback);
        command.add("-cp");
        command.add(Processes.currentClassPath());
        return command;
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("data").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("delete.topic.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.retention.hours", "-1");
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by KafkaBrokerProcess on every start");
        }
        return file;
    }

    private Path writeLogbackConfig() throws IOException {
        Path file = dataDir.resolve("logback-broker.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="state.change.logger" level="WARN"/>
                  <logger name="kafka.request.logger" level="WARN"/>
                  <logger name="org.apache.kafka.clients" level="WARN"/>
                  <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return file;
    }

    private void formatStorageIfNeeded(Path config, Path logback) throws IOException {
        Path meta = dataDir.resolve("data").resolve("meta.properties");
        if (Files.exists(meta)) {
            return;
        }
        Path idFile = dataDir.resolve("cluster.id");
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId);
        }
        long t0 = System.nanoTime();
        List<String> command = javaCommand(logback);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
        Process p = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage timed out; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        if (p.exitValue() != 0 || !Files.exists(meta)) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + p.exitValue() + "); "
                    + logFile() + " ends with:\n" + Processes.tail(logFile(), 30));
        }
        log.info("Formatted Kafka storage {} with cluster id {} in {} ms", dataDir.resolve("data"), clusterId,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** A broker left over from a previous run that was killed (its pid file is still there) holds the data dir lock. */
    private void stopStaleBroker() throws IOException {
        Path pidFile = dataDir.resolve("broker.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        String configPath = dataDir.resolve("server.properties").toString();
        Optional<ProcessHandle> stale = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(MAIN_CLASS) && c.contains(configPath))
                        .orElse(false));
        if (stale.isPresent()) {
            log.warn("Stopping a Kafka broker left over from an earlier run (pid {}) that still uses {}", pid, dataDir);
            ProcessHandle h = stale.get();
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
                Processes.sleep(1000);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    @Override
    public String toString() {
        return "KafkaBrokerProcess[" + bootstrapServers() + ", data " + dataDir + "]";
    }

    public static final class Builder extends ChildProcess.Options<Builder> {
        private final Path dataDir;
        private int port;
        private int controllerPort;
        private Path logDirectory;
        private String maxHeap = "512m";

        private Builder(Path dataDir) {
            super(Duration.ofSeconds(60));
            this.dataDir = dataDir;
        }

        /** Client port (0, the default: a free port chosen at build time). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller (KRaft quorum) port (0, the default: a free port chosen at build time). */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Directory for {@code kafka-broker.log} (default: the data directory). */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = logDirectory;
            return this;
        }

        /** The broker JVM's -Xmx (default 512m). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }


        public KafkaBrokerProcess build() {
            return new KafkaBrokerProcess(this);
        }
    }
}

package com.leadledger.localruntime;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
 *
 * <p>By default clients connect with {@code PLAINTEXT}. With {@linkplain Builder#scramUser SCRAM users} the client
 * listener is {@code SASL_PLAINTEXT} with {@value #SCRAM_MECHANISM} and refuses every client that does not
 * authenticate as one of them. The users are created when the storage is formatted ({@code StorageTool format
 * --add-scram}), so a data directory keeps the users it was first started with. Inter-broker traffic uses that same
 * listener, authenticated as the first user, which is also the identity of the readiness check
 * ({@link #clientProperties()}). The KRaft controller listener stays {@code PLAINTEXT} on its own localhost port: a
 * controller cannot check SCRAM credentials (they are kept in the metadata it serves itself); it carries the quorum's
 * traffic and no topic reads or writes.
 */
public final class KafkaBrokerProcess extends ChildProcess<KafkaBrokerProcess> implements KafkaServer {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final String MAIN_CLASS = "kafka.Kafka";
    /** The SASL mechanism of a broker with SCRAM users. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String maxHeap;
    private final List<ScramUser> scramUsers;

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
        this.scramUsers = List.copyOf(b.scramUsers);
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
    protected void exited(int exitValue) {
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
                    Map<String, Object> settings = new HashMap<>(clientProperties());
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                    settings.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 200);
                    admin = Admin.create(settings);
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

    /** {@code PLAINTEXT}, or {@code SASL_PLAINTEXT} with SCRAM users. */
    public String securityProtocol() {
        return scramUsers.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
    }

    /**
     * What a client needs to connect: {@code bootstrap.servers} and, with SCRAM users, the security settings of the
     * first one.
     */
    public Map<String, Object> clientProperties() {
        if (scramUsers.isEmpty()) {
            return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        }
        return clientProperties(scramUsers.get(0));
    }

    /** What a client needs to connect as this SCRAM user, whether the broker knows it or not (tests of refusals). */
    public Map<String, Object> clientProperties(String user, String password) {
        if (scramUsers.isEmpty()) {
            throw new IllegalStateException("this broker has no SCRAM users; its clients connect with PLAINTEXT");
        }
        return clientProperties(new ScramUser(user, password));
    }

    private Map<String, Object> clientProperties(ScramUser user) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol(),
                SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, user.jaasConfig());
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
        command.add("-XX:-UsePerfData"); // as the services (ServiceJvm): no performance data sampled every 50 ms
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
        String listener = securityProtocol();
        p.setProperty("listeners", listener + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", listener + "://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", listener);
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + listener + ":" + listener);
        if (!scramUsers.isEmpty()) {
            p.setProperty("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.setProperty("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            p.setProperty("listener.name.sasl_plaintext." + SCRAM_MECHANISM.toLowerCase(Locale.ROOT)
                    + ".sasl.jaas.config", scramUsers.get(0).jaasConfig());
        }
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
        // The active controller appends a no-op record to the metadata log every 500 ms by default (written and flushed
        // by the raft thread, then applied by the broker) so that lagging brokers notice; one node has nobody to lag.
        p.setProperty("metadata.max.idle.interval.ms", "10000");
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
        for (ScramUser user : scramUsers) {
            command.addAll(List.of("--add-scram", user.storageToolArgument()));
        }
        Process p = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        OptionalInt exit = Processes.awaitExit(p, Duration.ofSeconds(60));
        if (exit.isEmpty()) {
            throw new IllegalStateException("formatting the Kafka storage timed out or was interrupted; see "
                    + logFile());
        }
        if (exit.getAsInt() != 0 || !Files.exists(meta)) {
            throw new IllegalStateException("formatting the Kafka storage failed (exit " + exit.getAsInt() + "); "
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
        private final List<ScramUser> scramUsers = new ArrayList<>();

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

        /**
         * Adds a SCRAM user: clients then must authenticate ({@code SASL_PLAINTEXT}, {@value #SCRAM_MECHANISM}). The
         * first user added is also the broker's own identity. Names and passwords may hold any character but a comma
         * (the storage tool's separator).
         */
        public Builder scramUser(String name, String password) {
            scramUsers.add(new ScramUser(name, password));
            return this;
        }

        public KafkaBrokerProcess build() {
            return new KafkaBrokerProcess(this);
        }
    }

    private record ScramUser(String name, String password) {

        ScramUser {
            if (name == null || name.isEmpty() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("a SCRAM user needs a name and a password");
            }
            if (name.contains(",") || password.contains(",")) {
                throw new IllegalArgumentException("a SCRAM user's name or password holds a comma, which the "
                        + "storage tool would split: " + name);
            }
        }

        /** {@code StorageTool --add-scram}: it strips the quotes around a value and keeps everything inside. */
        String storageToolArgument() {
            return SCRAM_MECHANISM + "=[name=\"" + name + "\",password=\"" + password + "\"]";
        }

        /** The client login line; inside its quotes a backslash escapes the next character. */
        String jaasConfig() {
            return SCRAM_LOGIN_MODULE + " required username=" + quoted(name) + " password=" + quoted(password) + ";";
        }

        private static String quoted(String value) {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\r", "\\r") + '"';
        }

        @Override
        public String toString() {
            return "ScramUser[" + name + "]";
        }
    }
}

package com.leadledger.bench;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.LocalPostgres;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceJvm;
import com.leadledger.localruntime.ServiceProcess;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The real stack for one run, all on this machine: a PostgreSQL 15 server (zonky embedded binaries, its own
 * process; durable settings unless told otherwise), a Kafka broker in its own JVM, and both services started from
 * their executable jars as separate JVMs. External PostgreSQL / Kafka are used instead when
 * {@code LEADLEDGER_TEST_PG_URL} / {@code LEADLEDGER_TEST_KAFKA_BOOTSTRAP} are set.
 */
final class BenchStack implements AutoCloseable {

    static final String COMMAND_DB = "bench_command";
    static final String QUERY_DB = "bench_query";

    private static final Logger log = LoggerFactory.getLogger(BenchStack.class);
    /** Generous: on a machine shared with busy builds a service's start has taken over four minutes. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private LocalPostgres embeddedPg;
    private long kafkaPid;
    private KafkaBrokerProcess broker;
    ServiceProcess command;
    ServiceProcess query;
    String adminUrl;      // JDBC URL of the admin database
    String pgUser = "postgres";
    String pgPassword = "postgres";
    String commandDbUrl;
    String queryDbUrl;
    String baselineDbUrl;
    String kafkaBootstrap;
    final String topic = "leadledger.events";
    final Map<String, Object> description = new LinkedHashMap<>();

    BenchStack start(BenchConfig config) throws Exception {
        Path work = config.work();
        if (config.resume() && !Files.exists(work.resolve("pg/postgresql.conf"))) {
            log.warn("nothing to resume under {}: starting with an empty store", work);
        }
        if (!config.resume() || !Files.exists(work.resolve("pg/postgresql.conf"))) {
            FileUtils.deleteDirectory(work.toFile());
        }
        Files.createDirectories(work.resolve("logs"));
        startPostgres(config, work);
        commandDbUrl = createDatabase(COMMAND_DB, config.resume());
        queryDbUrl = createDatabase(QUERY_DB, config.resume());
        baselineDbUrl = createDatabase("bench_baseline", config.resume());
        startKafka(work, config.resume());
        description.put("store", config.resume() ? "resumed: the PostgreSQL cluster, Kafka's data and the services' "
                + "home under " + work + " kept from the previous run" : "new: " + work + " emptied at the start");

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", commandDbUrl);
        env.put("LEADLEDGER_QUERY_DB_URL", queryDbUrl);
        env.put("LEADLEDGER_DB_USER", pgUser);
        env.put("LEADLEDGER_DB_PASSWORD", pgPassword);
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("LEADLEDGER_TOPIC", topic);
        env.put("LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
        env.put("LEADLEDGER_HOME", work.resolve("home").toString());
        command = ServiceProcess.builder(ProjectPaths.requireJar(ProjectPaths.commandServiceJar()))
                .name("command-service").env(env).env(ServiceJvm.ENVIRONMENT).jvmArgs(ServiceJvm.OPTIONS)
                .jvmArgs(extra(config))
                .logFile(work.resolve("logs/command-service.log")).startTimeout(START_TIMEOUT).build();
        // as in production, the query side reconciles its copy with the command side's event store
        query = ServiceProcess.builder(ProjectPaths.requireJar(ProjectPaths.queryServiceJar()))
                .name("query-service").env(env).env("LEADLEDGER_COMMAND_URL", command.baseUrl())
                .env(ServiceJvm.ENVIRONMENT).jvmArgs(ServiceJvm.OPTIONS)
                .jvmArgs(extra(config))
                .logFile(work.resolve("logs/query-service.log")).startTimeout(START_TIMEOUT).build();
        long t0 = System.nanoTime();
        // both at once: start-up is mostly class loading, and the smoke run must stay short
        CompletableFuture<?> c = CompletableFuture.runAsync(command::start);
        CompletableFuture<?> q = CompletableFuture.runAsync(query::start);
        CompletableFuture.allOf(c, q).join();
        log.info("both services up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        description.put("services", "command-service and query-service exec jars, separate JVMs, "
                + ServiceJvm.describe() + " " + config.serviceJvmArgs() + ", profile local, default pool sizes");
        description.put("serviceLogs", work.resolve("logs").toString());
        return this;
    }

    private static List<String> extra(BenchConfig config) {
        return config.serviceJvmArgs().isBlank() ? List.of() : List.of(config.serviceJvmArgs().trim().split("\\s+"));
    }

    private void startPostgres(BenchConfig config, Path work) throws IOException {
        String external = setting("LEADLEDGER_TEST_PG_URL");
        if (external != null) {
            adminUrl = external;
            pgUser = setting("LEADLEDGER_TEST_PG_USER") == null ? "postgres" : setting("LEADLEDGER_TEST_PG_USER");
            pgPassword = setting("LEADLEDGER_TEST_PG_PASSWORD") == null ? "postgres" : setting("LEADLEDGER_TEST_PG_PASSWORD");
            description.put("postgres", "external server " + external);
            return;
        }
        LocalPostgres.Builder b = LocalPostgres.builder()
                .dataDirectory(work.resolve("pg"))
                .logFile(work.resolve("logs/postgres.log"))
                .setting("max_connections", "300")
                .keepData(true); // the cluster stays after the run for a later --resume; a new run empties work first
        config.postgresSettings().forEach(b::setting);
        if (!config.durablePg()) {
            b.notDurable();
        }
        embeddedPg = b.start();
        adminUrl = embeddedPg.jdbcUrl("postgres");
        String settings = config.postgresSettings().entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue() + ", ").collect(Collectors.joining());
        description.put("postgres", "PostgreSQL 15 (zonky embedded binaries, own server process) on port "
                + embeddedPg.port() + ", data under " + work.resolve("pg") + ", " + settings
                + (config.durablePg() ? "fsync=on, synchronous_commit=on (durable, as in production)"
                : "fsync=off, synchronous_commit=off (NOT durable)"));
    }

    private void startKafka(Path work, boolean resume) throws IOException {
        String external = setting("LEADLEDGER_TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            kafkaBootstrap = external;
            description.put("kafka", "external broker " + external);
            return;
        }
        // a kept KRaft cluster needs the ports it was formatted with (the controller's is in its metadata)
        Path ports = work.resolve("kafka-ports.properties");
        Properties kept = new Properties();
        if (resume && Files.exists(ports)) {
            try (var in = Files.newBufferedReader(ports)) {
                kept.load(in);
            }
        }
        broker = KafkaBrokerProcess.builder(work.resolve("kafka")).logDirectory(work.resolve("logs"))
                .port(Integer.parseInt(kept.getProperty("port", "0")))
                .controllerPort(Integer.parseInt(kept.getProperty("controllerPort", "0")))
                .maxHeap("512m").build();
        broker.start();
        kept.setProperty("port", Integer.toString(broker.port()));
        kept.setProperty("controllerPort", Integer.toString(broker.controllerPort()));
        try (var out = Files.newBufferedWriter(ports)) {
            kept.store(out, "ports of the Kafka broker under kafka/, reused by --resume");
        }
        kafkaBootstrap = broker.bootstrapServers();
        kafkaPid = broker.pid().orElse(0L);
        description.put("kafka", "Kafka (kafka_2.13, KRaft, one broker) in its own JVM -Xmx512m at " + kafkaBootstrap);
    }

    /** A new, empty database, or with {@code keep} the one there is (created when missing). */
    private String createDatabase(String name, boolean keep) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            boolean exists = rs.next();
            if (exists && !keep) {
                st.execute("drop database \"" + name + "\" with (force)");
            }
            if (!exists || !keep) {
                st.execute("create database \"" + name + "\"");
            }
        }
        int slash = adminUrl.lastIndexOf('/');
        int q = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (q < 0 ? "" : adminUrl.substring(q));
    }

    /** A consumer of raw records of this stack's Kafka, without a group; the caller assigns the partitions. */
    KafkaConsumer<byte[], byte[]> byteConsumer() {
        return new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafkaBootstrap,
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "enable.auto.commit", "false"));
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, pgUser, pgPassword);
    }

    Connection commandDb() throws SQLException {
        return DriverManager.getConnection(commandDbUrl, pgUser, pgPassword);
    }

    Connection queryDb() throws SQLException {
        return DriverManager.getConnection(queryDbUrl, pgUser, pgPassword);
    }

    Connection baselineDb() throws SQLException {
        return DriverManager.getConnection(baselineDbUrl, pgUser, pgPassword);
    }

    /**
     * The postmaster as a negative pid (its CPU plus that of its exited backends, see {@link Cpu#processTicks}) and its
     * live backends (empty for an external server).
     */
    List<Long> postgresPids() {
        if (embeddedPg == null || embeddedPg.postmasterPid().isEmpty()) {
            return List.of();
        }
        long pm = embeddedPg.postmasterPid().getAsLong();
        List<Long> pids = new java.util.ArrayList<>();
        pids.add(-pm);
        ProcessHandle.of(pm).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    List<Long> kafkaPids() {
        return kafkaPid == 0 ? List.of() : List.of(kafkaPid);
    }

    long commandPid() {
        return command.pid().orElseThrow();
    }

    long queryPid() {
        return query.pid().orElseThrow();
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public void close() {
        for (Runnable r : new Runnable[]{
                () -> { if (query != null) query.stop(); },
                () -> { if (command != null) command.stop(); },
                () -> { if (broker != null) broker.stop(); },
                () -> { try { if (embeddedPg != null) embeddedPg.close(); } catch (IOException e) { log.warn("{}", e.toString()); } }}) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }
}

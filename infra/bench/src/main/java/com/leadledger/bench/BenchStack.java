package com.leadledger.bench;

import com.leadledger.testsupport.DevTokens;
import com.leadledger.testsupport.KafkaBrokerProcess;
import com.leadledger.testsupport.ProjectPaths;
import com.leadledger.testsupport.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The real stack for one run, all on this machine: a PostgreSQL 15 server (zonky embedded binaries, its own
 * process; durable settings unless told otherwise), a Kafka broker in its own JVM, and both services started from
 * their executable jars as separate JVMs. External PostgreSQL / Kafka are used instead when
 * {@code LEADLEDGER_TEST_PG_URL} / {@code LEADLEDGER_TEST_KAFKA_BOOTSTRAP} are set.
 */
final class BenchStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchStack.class);
    static final String SERVICE_HEAP = "-Xmx384m";

    private EmbeddedPostgres embeddedPg;
    private Path dataDir;
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
        deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        startPostgres(config, work);
        commandDbUrl = createDatabase("bench_command");
        queryDbUrl = createDatabase("bench_query");
        baselineDbUrl = createDatabase("bench_baseline");
        startKafka(work);

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
                .name("command-service").env(env).jvmArgs(SERVICE_HEAP).jvmArgs(extra(config))
                .logFile(work.resolve("logs/command-service.log")).startTimeout(Duration.ofSeconds(240)).build();
        query = ServiceProcess.builder(ProjectPaths.requireJar(ProjectPaths.queryServiceJar()))
                .name("query-service").env(env).jvmArgs(SERVICE_HEAP).jvmArgs(extra(config))
                .logFile(work.resolve("logs/query-service.log")).startTimeout(Duration.ofSeconds(240)).build();
        long t0 = System.nanoTime();
        // both at once: start-up is mostly class loading, and the smoke run must stay short
        CompletableFuture<?> c = CompletableFuture.runAsync(command::start);
        CompletableFuture<?> q = CompletableFuture.runAsync(query::start);
        CompletableFuture.allOf(c, q).join();
        log.info("both services up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        description.put("services", "command-service and query-service exec jars, separate JVMs, " + SERVICE_HEAP
                + " " + config.serviceJvmArgs() + ", profile local, default pool sizes");
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
        dataDir = work.resolve("pg");
        var redirect = ProcessBuilder.Redirect.appendTo(work.resolve("logs/postgres.log").toFile());
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(redirect).setErrorRedirector(redirect)
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB");
        if (!config.durablePg()) {
            b.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        embeddedPg = b.start();
        adminUrl = "jdbc:postgresql://localhost:" + embeddedPg.getPort() + "/postgres";
        description.put("postgres", "PostgreSQL 15 (zonky embedded binaries, own server process) on port "
                + embeddedPg.getPort() + ", data under " + work.resolve("pg") + ", shared_buffers=256MB, "
                + (config.durablePg() ? "fsync=on, synchronous_commit=on (durable, as in production)"
                : "fsync=off, synchronous_commit=off (NOT durable)"));
    }

    private void startKafka(Path work) throws IOException {
        String external = setting("LEADLEDGER_TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            kafkaBootstrap = external;
            description.put("kafka", "external broker " + external);
            return;
        }
        broker = KafkaBrokerProcess.builder(work.resolve("kafka")).logDirectory(work.resolve("logs"))
                .maxHeap("512m").build();
        broker.start();
        kafkaBootstrap = broker.bootstrapServers();
        try {
            kafkaPid = Long.parseLong(Files.readString(work.resolve("kafka/broker.pid")).trim());
        } catch (IOException | RuntimeException e) {
            kafkaPid = 0;
        }
        description.put("kafka", "Kafka (kafka_2.13, KRaft, one broker) in its own JVM -Xmx512m at " + kafkaBootstrap);
    }

    private String createDatabase(String name) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (rs.next()) {
                st.execute("drop database \"" + name + "\" with (force)");
            }
            st.execute("create database \"" + name + "\"");
        }
        int slash = adminUrl.lastIndexOf('/');
        int q = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (q < 0 ? "" : adminUrl.substring(q));
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
        if (embeddedPg == null) {
            return List.of();
        }
        try {
            long pm = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            List<Long> pids = new java.util.ArrayList<>();
            pids.add(-pm);
            ProcessHandle.of(pm).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
            return pids;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
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

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
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

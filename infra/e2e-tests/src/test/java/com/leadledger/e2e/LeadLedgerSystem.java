package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.TestInfrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The whole product as it runs in production: both services as separate JVMs built from their executable jars, a
 * real PostgreSQL (one database per service) and a real Kafka broker. One system per test JVM, started on first use.
 */
final class LeadLedgerSystem {

    private static LeadLedgerSystem instance;
    /** How long the query side takes a checkpoint's missing events for in flight (LEADLEDGER_RECONCILIATION_GRACE). */
    static final Duration RECONCILIATION_GRACE = Duration.ofSeconds(15);
    /**
     * Query-service arguments: a member that stops heart-beating (killed) leaves its consumer group after 6 s (the
     * broker's minimum) instead of Kafka's default 45 s, during which the group's partitions wait for it.
     */
    static final String[] SHORT_KAFKA_SESSION = {"--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"};

    final ServiceProcess command;
    final ServiceProcess query;
    final HttpApi commandApi;
    final HttpApi queryApi;
    final String topic;
    private final PostgresServer postgres;
    private final String commandDb;
    private final String queryDb;
    private final Map<String, String> env = new HashMap<>();
    private final Path logs;

    static synchronized LeadLedgerSystem get() {
        if (instance == null) {
            instance = new LeadLedgerSystem();
        }
        return instance;
    }

    private LeadLedgerSystem() {
        postgres = TestInfrastructure.postgres();
        commandDb = postgres.freshDatabase("e2e_command");
        queryDb = postgres.freshDatabase("e2e_query");
        topic = "leadledger.events.e2e-" + UUID.randomUUID();
        logs = ProjectPaths.root().resolve("infra/e2e-tests/target/service-logs");
        try {
            Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", postgres.jdbcUrl(commandDb));
        env.put("LEADLEDGER_QUERY_DB_URL", postgres.jdbcUrl(queryDb));
        env.putAll(postgres.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", topic);
        env.put("LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
        env.put("LEADLEDGER_DEADLINE_POLL_INTERVAL", "1s");
        env.put("LEADLEDGER_HOME", logs.getParent().resolve("leadledger-home").toString());
        env.put("LEADLEDGER_CHECKPOINT_INTERVAL", "1s");
        command = ServiceProcess.builder(ProjectPaths.commandServiceJar()).name("command-service").env(env)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(logs.resolve("command-service.log"))
                .startTimeout(Duration.ofSeconds(180)).build();
        Map<String, String> queryEnv = new HashMap<>(env);
        queryEnv.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        queryEnv.put("LEADLEDGER_RECONCILIATION_INTERVAL", "2s");
        queryEnv.put("LEADLEDGER_RECONCILIATION_GRACE", RECONCILIATION_GRACE.toString());
        // a consumer group of its own: a query service of another test's deployment joining or dying on the shared
        // broker would otherwise stall this one's consumers in a rebalance
        queryEnv.put("LEADLEDGER_QUERY_GROUP", "leadledger-query-e2e-" + UUID.randomUUID());
        query = ServiceProcess.builder(ProjectPaths.queryServiceJar()).name("query-service").env(queryEnv)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(logs.resolve("query-service.log"))
                .args(SHORT_KAFKA_SESSION)
                .startTimeout(Duration.ofSeconds(180)).build();
        ServiceProcess.startTogether(command, query);
        commandApi = new HttpApi(command.baseUrl());
        queryApi = new HttpApi(query.baseUrl());
    }

    /** Polls the query service until {@code path} answers 200 with a body that satisfies the condition. */
    JsonNode awaitQuery(String path, String token, Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var answer = queryApi.get(path, token);
            last.set(answer.body());
            return answer.status() == 200 && condition.test(answer.body());
        });
        return last.get();
    }

    /**
     * Brings a pending deadline forward to now, as if its time had come: the deadline of the given name whose data
     * names {@code aggregateOrEntityId} (a registration or dispute id). The deadline handler itself runs unchanged.
     */
    void bringDeadlineForward(String deadlineName, String aggregateOrEntityId) throws SQLException {
        try (Connection db = commandDb(); PreparedStatement update = db.prepareStatement("""
                UPDATE scheduled_tasks SET execution_time = now()
                WHERE task_name = 'AxonDeadline' AND picked = false
                  AND convert_from(task_data, 'UTF8') LIKE ? AND convert_from(task_data, 'UTF8') LIKE ?""")) {
            update.setString(1, "%" + deadlineName + "%");
            update.setString(2, "%" + aggregateOrEntityId + "%");
            if (update.executeUpdate() < 1) {
                throw new IllegalStateException("no pending " + deadlineName + " deadline of " + aggregateOrEntityId);
            }
        }
    }

    /**
     * Another command-service instance on the same database and topic whose business time runs {@code offset} ahead
     * (leadledger.clock.offset): to act after a window has passed. Its deadline poller is slowed down and its
     * checkpoint writer is off, so that it leaves the shared deadlines and checkpoints to the main instance; close it
     * when done.
     */
    ServiceProcess commandServiceAhead(Duration offset) {
        Map<String, String> ahead = new HashMap<>(env);
        ahead.put("LEADLEDGER_CLOCK_OFFSET", offset.toString());
        ahead.put("LEADLEDGER_DEADLINE_POLL_INTERVAL", "1h");
        ahead.put("LEADLEDGER_CHECKPOINTS_ENABLED", "false"); // no checkpoint stamped with a shifted time
        return ServiceProcess.builder(ProjectPaths.commandServiceJar()).name("command-service-ahead").env(ahead)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1").logFile(logs.resolve("command-service-ahead.log"))
                .startTimeout(Duration.ofSeconds(180)).build().start();
    }

    Connection commandDb() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(commandDb), postgres.username(), postgres.password());
    }

    Connection queryDb() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(queryDb), postgres.username(), postgres.password());
    }

    /** Records on the event topic so far (sum of the partitions' end offsets). */
    long recordsOnTopic() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Events in the command side's event store. */
    long storedEvents() throws SQLException {
        try (Connection db = commandDb(); var rs = db.createStatement().executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String partnerToken(String partnerId) {
        return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }

    static String staffToken(String role) {
        return DevTokens.mint(role.toLowerCase() + "-1", List.of(role), null);
    }
}

package com.leadledger.console.browser;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Both services as they run in production, each its own JVM from its executable jar, on the build's shared PostgreSQL
 * (fresh databases) and Kafka (a topic of its own), as the end-to-end tests start them; the query service serves the
 * console. One per test JVM, started on first use, in the local profile (the demo identities).
 */
final class ConsoleSystem {

    private static ConsoleSystem instance;

    final ServiceProcess command;
    final ServiceProcess query;
    /** Where the browser finds the console: the query service, which serves it at {@code /console/}. */
    final ServiceProcess console;
    private final PostgresServer postgres;
    private final String queryDbUrl;
    private final String commandDbUrl;

    static synchronized ConsoleSystem get() {
        if (instance == null) {
            instance = new ConsoleSystem();
        }
        return instance;
    }

    private ConsoleSystem() {
        Path target = ProjectPaths.root().resolve("infra/console/target");
        Path logs = target.resolve("service-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = TestInfrastructure.postgres();
        queryDbUrl = postgres.jdbcUrl(postgres.freshDatabase("console_query"));
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        commandDbUrl = postgres.jdbcUrl(postgres.freshDatabase("console_command"));
        env.put("LEADLEDGER_COMMAND_DB_URL", commandDbUrl);
        env.put("LEADLEDGER_QUERY_DB_URL", queryDbUrl);
        env.putAll(postgres.roles().environment());
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", "leadledger.events.console-" + UUID.randomUUID());
        env.put("LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
        env.put("LEADLEDGER_HOME", target.resolve("leadledger-home").toString());
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false");
        command = process(ProjectPaths.commandServiceJar(), "command-service", env, logs);
        Map<String, String> queryEnv = new HashMap<>(env);
        queryEnv.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        query = process(ProjectPaths.queryServiceJar(), "query-service", queryEnv, logs);
        console = query;
        ServiceProcess.startTogether(command, query);
    }

    /**
     * A dead letter as the query service's ingest parks a record it cannot read (no event identity, blocking nothing),
     * written to its store directly: a record that is no event on the topic would disturb the other tests.
     *
     * @return its id
     */
    long parkARecordThatIsNoEvent() throws SQLException {
        try (Connection db = DriverManager.getConnection(queryDbUrl, postgres.username(), postgres.password());
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO dead_letter (status, reason, in_event_log, topic, kafka_partition, kafka_offset,
                                              record_value, error_class, error_message, parked_at, last_failed_at,
                                              attempts)
                     VALUES ('PARKED', 'envelope', false, 'leadledger.events.console-parked', 0, ?, ?,
                             'com.leadledger.query.projection.UndecodableRecordException', 'not an event envelope',
                             now(), now(), 1)
                     RETURNING id""")) {
            insert.setLong(1, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
            insert.setBytes(2, "not an event envelope".getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A deal the partner won at an instant of the past, written to the command service's program deals (the rows its
     * rebate period close reads) directly, as the command service's own rebate tests do: through the API a deal is
     * won now, in a period that has not ended and so cannot be closed yet.
     */
    void wonInThePast(String partnerId, String productLine, Instant wonAt, BigDecimal amount, String currency)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(commandDbUrl, postgres.username(), postgres.password());
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO program_deal (registration_id, partner_id, product_line, expected_close_date,
                                               submitted_at, won_amount, won_currency, won_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, "R-" + UUID.randomUUID());
            insert.setString(2, partnerId);
            insert.setString(3, productLine);
            insert.setObject(4, LocalDate.ofInstant(wonAt, ZoneOffset.UTC));
            insert.setTimestamp(5, Timestamp.from(wonAt.minus(Duration.ofDays(30))));
            insert.setBigDecimal(6, amount);
            insert.setString(7, currency);
            insert.setTimestamp(8, Timestamp.from(wonAt));
            insert.executeUpdate();
        }
    }

    private static ServiceProcess process(Path jar, String name, Map<String, String> env, Path logs) {
        return ServiceProcess.builder(jar).name(name).env(env).jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1")
                .logFile(logs.resolve(name + ".log")).startTimeout(Duration.ofSeconds(180)).build();
    }
}

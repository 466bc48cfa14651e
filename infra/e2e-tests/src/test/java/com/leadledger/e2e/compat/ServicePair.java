package com.leadledger.e2e.compat;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The command and the query service as processes from their executable jars, on two databases of the shared test
 * PostgreSQL and a topic of their own on the test Kafka broker, each started when asked (the compatibility test starts
 * the query service only once the command service has relayed the stored events).
 */
final class ServicePair implements AutoCloseable {

    private final PostgresServer postgres = TestInfrastructure.postgres();
    private final String commandDb;
    private final String queryDb;
    private final Map<String, String> env = new HashMap<>();
    private final Path logs;
    private ServiceProcess command;
    private ServiceProcess query;
    private HttpApi commandApi;
    private HttpApi queryApi;

    /**
     * @param name      names the log directory under {@code infra/e2e-tests/target/}
     * @param commandDb the command service's database (created, and possibly loaded, by the caller)
     * @param settings  environment of both services beyond the databases, Kafka, topic and dev tokens
     */
    ServicePair(String name, String commandDb, Map<String, String> settings) {
        this.commandDb = commandDb;
        this.queryDb = postgres.freshDatabase(name + "_query");
        this.logs = ProjectPaths.root().resolve("infra/e2e-tests/target/" + name);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", postgres.jdbcUrl(commandDb));
        env.put("LEADLEDGER_QUERY_DB_URL", postgres.jdbcUrl(queryDb));
        env.putAll(postgres.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", "leadledger.events." + name + "-" + UUID.randomUUID());
        // a consumer group of its own: no rebalance with other deployments' query services on the shared broker
        env.put("LEADLEDGER_QUERY_GROUP", "leadledger-query-" + name + "-" + UUID.randomUUID());
        env.put("LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
        env.put("LEADLEDGER_HOME", logs.resolve("home").toString());
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false"); // reconciliation has its own end-to-end test
        env.putAll(settings);
    }

    ServicePair startCommand() {
        command = service(ProjectPaths.commandServiceJar(), "command-service", env).start();
        commandApi = new HttpApi(command.baseUrl());
        return this;
    }

    ServicePair startQuery() {
        Map<String, String> queryEnv = new HashMap<>(env);
        queryEnv.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        query = service(ProjectPaths.queryServiceJar(), "query-service", queryEnv).start();
        queryApi = new HttpApi(query.baseUrl());
        return this;
    }

    /**
     * The topic gets one partition: the query side then applies the events in the order they were stored, as a
     * rebuild does, whichever way the story's aggregates interleave. With several partitions that interleaving varies
     * from run to run, and so does the level of a dispute's timeline entries for ruling effects recorded on other
     * aggregates (a revocation, a penalty): they take the dispute's level at the moment they are applied.
     */
    private ServiceProcess service(Path jar, String name, Map<String, String> serviceEnv) {
        return ServiceProcess.builder(jar).name(name).env(serviceEnv)
                .jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dleadledger.kafka.partitions=1")
                .logFile(logs.resolve(name + ".log")).startTimeout(Duration.ofSeconds(180)).build();
    }

    HttpApi commandApi() {
        return commandApi;
    }

    HttpApi queryApi() {
        return queryApi;
    }

    /** The API of the given service: {@code command} or {@code query}. */
    HttpApi api(String service) {
        return switch (service) {
            case "command" -> commandApi();
            case "query" -> queryApi();
            default -> throw new IllegalArgumentException("no service named " + service);
        };
    }

    Connection commandDb() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(commandDb), postgres.username(), postgres.password());
    }

    Connection queryDb() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(queryDb), postgres.username(), postgres.password());
    }

    long commandCount(String sql) throws SQLException {
        try (Connection db = commandDb()) {
            return count(db, sql);
        }
    }

    long queryCount(String sql) throws SQLException {
        try (Connection db = queryDb()) {
            return count(db, sql);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops both services gracefully, the query service first. */
    @Override
    public void close() {
        Stream.of(query, command).filter(Objects::nonNull).forEach(ServiceProcess::stop);
    }
}

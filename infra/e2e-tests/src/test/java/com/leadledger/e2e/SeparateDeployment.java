package com.leadledger.e2e;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.EventTopics;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Service instances of a deployment of a test's own: fresh command and query databases and a topic of their own on the
 * shared PostgreSQL and Kafka, for tests that need settings the shared {@link LeadLedgerSystem} does not have, or
 * that hold up or stop its writers. Instances are built here and started by the test; {@link #close()} kills them.
 */
final class SeparateDeployment implements AutoCloseable {

    final String topic;
    private final PostgresServer postgres;
    private final String commandDb;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private final List<ServiceProcess> instances = new ArrayList<>();

    SeparateDeployment(String name) {
        postgres = TestInfrastructure.postgres();
        commandDb = postgres.freshDatabase(name.replace('-', '_') + "_command");
        topic = "leadledger.events." + name + "-" + UUID.randomUUID();
        home = ProjectPaths.root().resolve("infra/e2e-tests/target/" + name + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", postgres.jdbcUrl(commandDb));
        env.put("LEADLEDGER_QUERY_DB_URL", postgres.jdbcUrl(postgres.freshDatabase(name.replace('-', '_') + "_query")));
        env.putAll(postgres.roles().environment()); // the application role, migrating as the migration owner
        env.put("LEADLEDGER_KAFKA_BOOTSTRAP", TestInfrastructure.kafka().bootstrapServers());
        env.put("LEADLEDGER_TOPIC", topic);
        // a consumer group of its own, so that no other deployment's query service joining or dying on the shared
        // broker holds this one's consumers in a rebalance (nor the other way round)
        env.put("LEADLEDGER_QUERY_GROUP", "leadledger-query-" + name + "-" + UUID.randomUUID());
        env.put("LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET);
        env.put("LEADLEDGER_HOME", home.toString());
        env.put("LEADLEDGER_DEADLINE_POLL_INTERVAL", "1s");
        env.put("LEADLEDGER_CHECKPOINT_INTERVAL", "1s");
        env.put("LEADLEDGER_RECONCILIATION_ENABLED", "false"); // reconciliation has its own end-to-end test
    }

    /** A command-service instance on this deployment's database and topic, with extra JVM arguments (settings). */
    ServiceProcess commandInstance(String name, String... jvmArgs) {
        return instance(ProjectPaths.commandServiceJar(), name, env, jvmArgs);
    }

    /** A query-service instance reading this deployment's topic, calling {@code command} for checkpoints. */
    ServiceProcess queryInstance(String name, ServiceProcess command) {
        Map<String, String> queryEnv = new HashMap<>(env);
        queryEnv.put("LEADLEDGER_COMMAND_URL", command.baseUrl());
        return instance(ProjectPaths.queryServiceJar(), name, queryEnv);
    }

    private ServiceProcess instance(Path jar, String name, Map<String, String> instanceEnv, String... jvmArgs) {
        List<String> args = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        args.addAll(List.of(jvmArgs));
        ServiceProcess instance = ServiceProcess.builder(jar).name(name).env(instanceEnv).jvmArgs(args)
                .logFile(home.resolve(name + ".log")).startTimeout(Duration.ofSeconds(180)).build();
        instances.add(instance);
        return instance;
    }

    /** The command database as the server's superuser (it may read {@code pg_stat_activity} and the deadline store). */
    Connection commandDb() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(commandDb), postgres.username(), postgres.password());
    }

    /** The first envelope on this deployment's topic that matches, read from the beginning. */
    EventEnvelope awaitEnvelope(Predicate<EventEnvelope> wanted, Duration timeout) {
        return EventTopics.awaitEnvelope(topic, wanted, timeout);
    }

    @Override
    public void close() {
        instances.forEach(ServiceProcess::kill); // nothing of this deployment is needed afterwards
    }
}

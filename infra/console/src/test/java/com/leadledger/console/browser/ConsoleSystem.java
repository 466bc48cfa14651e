package com.leadledger.console.browser;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
        PostgresServer postgres = TestInfrastructure.postgres();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("LEADLEDGER_COMMAND_DB_URL", postgres.jdbcUrl(postgres.freshDatabase("console_command")));
        env.put("LEADLEDGER_QUERY_DB_URL", postgres.jdbcUrl(postgres.freshDatabase("console_query")));
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
        command.start();
        query.start();
    }

    private static ServiceProcess process(Path jar, String name, Map<String, String> env, Path logs) {
        return ServiceProcess.builder(jar).name(name).env(env).jvmArgs("-Xmx384m", "-XX:TieredStopAtLevel=1")
                .logFile(logs.resolve(name + ".log")).startTimeout(Duration.ofSeconds(180)).build();
    }
}

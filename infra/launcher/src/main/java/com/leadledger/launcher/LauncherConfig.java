package com.leadledger.launcher;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.DevTokens;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@code start}, read from environment variables.
 *
 * @param externalDbCredentials for databases of the operator's own ({@code commandDbUrl}, {@code queryDbUrl}): the
 *                              services' credentials, passed on to them as they were given (the application's user,
 *                              by default {@code postgres}, and the migration user where one is set); the launcher's
 *                              own PostgreSQL has credentials of its own ({@link DatabaseCredentials})
 */
record LauncherConfig(Path home, int pgPort, String commandDbUrl, String queryDbUrl,
                      Map<String, String> externalDbCredentials, int kafkaPort, int kafkaControllerPort,
                      String kafkaBootstrap, int commandPort, int queryPort, String jwtSecret) {

    static final String COMMAND_DB = "leadledger_command";
    static final String QUERY_DB = "leadledger_query";

    static LauncherConfig from(Map<String, String> env, Path workingDir) {
        Path home = workingDir.resolve(get(env, "LEADLEDGER_HOME", ".leadledger")).toAbsolutePath().normalize();
        String commandDb = get(env, "LEADLEDGER_COMMAND_DB_URL", null);
        String queryDb = get(env, "LEADLEDGER_QUERY_DB_URL", null);
        boolean external = commandDb != null && queryDb != null;
        int kafkaPort = port(env, "LEADLEDGER_KAFKA_PORT", 19092);
        return new LauncherConfig(
                home,
                port(env, "LEADLEDGER_PG_PORT", 15432),
                external ? commandDb : null,
                external ? queryDb : null,
                externalDbCredentials(env),
                kafkaPort,
                port(env, "LEADLEDGER_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                get(env, "LEADLEDGER_KAFKA_BOOTSTRAP", null),
                port(env, "LEADLEDGER_COMMAND_PORT", 8081),
                port(env, "LEADLEDGER_QUERY_PORT", 8082),
                get(env, "LEADLEDGER_DEV_JWT_SECRET", DevTokens.DEFAULT_SECRET));
    }

    private static Map<String, String> externalDbCredentials(Map<String, String> env) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put(DatabaseRoles.APP_USER, get(env, DatabaseRoles.APP_USER, "postgres"));
        credentials.put(DatabaseRoles.APP_PASSWORD, get(env, DatabaseRoles.APP_PASSWORD, "postgres"));
        for (String migration : new String[]{DatabaseRoles.MIGRATION_USER, DatabaseRoles.MIGRATION_PASSWORD}) {
            String value = get(env, migration, null);
            if (value != null) {
                credentials.put(migration, value);
            }
        }
        return Map.copyOf(credentials);
    }

    boolean externalDatabases() {
        return commandDbUrl != null;
    }

    boolean externalKafka() {
        return kafkaBootstrap != null;
    }

    static String get(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = get(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port number, not '" + value + "'");
        }
    }
}

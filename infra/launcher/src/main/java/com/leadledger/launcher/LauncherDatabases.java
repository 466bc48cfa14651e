package com.leadledger.launcher;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.LocalPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's PostgreSQL made ready for the services (docs/operations.md, "Database roles"): every connection
 * authenticates with a password (scram-sha-256, no {@code trust}); the migration owner and the application role
 * exist with the passwords of {@code credentials.env} (generated on the first start, and written before the cluster
 * learns any of them, so that none is ever lost); each service's database belongs to the migration owner, with
 * whatever an earlier launcher had its superuser create there handed over to it.
 */
final class LauncherDatabases {

    static final List<String> DATABASES = List.of(LauncherConfig.COMMAND_DB, LauncherConfig.QUERY_DB);

    /**
     * @param created the databases created by this start
     */
    record Started(LocalPostgres server, DatabaseCredentials credentials, List<String> created) {
    }

    private LauncherDatabases() {
    }

    static Started start(LauncherConfig config, Path dataDir, Path logs) throws IOException, SQLException {
        Path file = credentialsFile(config);
        DatabaseCredentials credentials = DatabaseCredentials.readOrGenerate(file);
        credentials.write(file);
        LocalPostgres server;
        try {
            server = LocalSystem.postgres(config, dataDir, logs, credentials.superuserPassword()).start();
        } catch (IOException e) {
            if (Files.exists(dataDir.resolve("postgresql.conf"))) {
                throw new IOException(e.getMessage() + "; if " + file + " is not the one written with this cluster, "
                        + "restore that one, or delete " + dataDir + " to start with an empty database", e);
            }
            throw e;
        }
        try {
            return new Started(server, credentials, prepare(server, credentials.roles()));
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static Path credentialsFile(LauncherConfig config) {
        return config.home().resolve(DatabaseCredentials.FILE);
    }

    private static List<String> prepare(LocalPostgres server, DatabaseRoles roles) throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection admin = server.connect("postgres")) {
            roles.createOn(admin);
            for (String database : DATABASES) {
                if (LocalPostgres.createDatabaseIfMissing(admin, database)) {
                    created.add(database);
                }
                roles.adopt(admin, database);
                try (Connection owned = server.connect(database)) {
                    roles.takeOverSchema(owned);
                }
            }
        }
        return created;
    }
}

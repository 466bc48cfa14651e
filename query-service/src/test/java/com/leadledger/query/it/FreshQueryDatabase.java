package com.leadledger.query.it;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.testsupport.PostgresServer;
import com.leadledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A new, empty database on the build's PostgreSQL, with the query service's migrations ready to run on it as the
 * migration owner (who owns every table; the application role is only granted what it needs).
 *
 * @param flyway runs the migrations and, on every run, the afterMigrate scripts
 */
record FreshQueryDatabase(PostgresServer server, DatabaseRoles roles, String url, Flyway flyway) {

    static FreshQueryDatabase named(String name) {
        PostgresServer server = TestInfrastructure.postgres();
        DatabaseRoles roles = server.roles();
        String url = server.jdbcUrl(server.freshDatabase(name));
        Flyway flyway = Flyway.configure().dataSource(url, roles.migrationUser(), roles.migrationPassword())
                .placeholders(Map.of("app-role", roles.appUser())).load();
        return new FreshQueryDatabase(server, roles, url, flyway);
    }

    /** A new connection to it as the migration owner. */
    Connection connectAsMigrationOwner() throws SQLException {
        return DriverManager.getConnection(url, roles.migrationUser(), roles.migrationPassword());
    }
}

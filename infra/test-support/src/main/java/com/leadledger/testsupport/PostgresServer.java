package com.leadledger.testsupport;

import com.leadledger.localruntime.DatabaseRoles;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A running PostgreSQL server that tests may create databases on. Obtain one from {@link TestInfrastructure#postgres()}.
 * The databases it creates belong to the migration owner of {@link #roles()}, and the services run on them as its
 * application role, as in a deployment (docs/operations.md, "Database roles"); {@link #username()} is the server's
 * superuser, for tests that reach behind the services' backs.
 */
public interface PostgresServer {

    /** Creates the database if it does not exist yet and returns a JDBC URL for it. */
    String jdbcUrl(String database);

    /** The server's superuser (or the admin user an external server was given as). */
    String username();

    String password();

    /** The migration owner and the application role, created on the server; they own and use its databases. */
    DatabaseRoles roles();

    /**
     * Spring Boot properties that run a service on the database: requests as the application role, Flyway as the
     * migration owner.
     */
    default Map<String, String> serviceProperties(String database) {
        DatabaseRoles roles = roles();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(database));
        properties.put("spring.datasource.username", roles.appUser());
        properties.put("spring.datasource.password", roles.appPassword());
        properties.put("spring.flyway.user", roles.migrationUser());
        properties.put("spring.flyway.password", roles.migrationPassword());
        return properties;
    }

    /**
     * A brand-new uniquely named database (prefix + random suffix), created now.
     *
     * @return the database name; pass it to {@link #jdbcUrl(String)} for its URL
     */
    default String freshDatabase(String prefix) {
        String clean = (prefix == null ? "db" : prefix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "db_" + clean;
        }
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        String name = clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbcUrl(name);
        return name;
    }
}

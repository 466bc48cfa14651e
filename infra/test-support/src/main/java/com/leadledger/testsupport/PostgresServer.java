package com.leadledger.testsupport;

import java.util.Locale;
import java.util.UUID;

/** A running PostgreSQL server that tests may create databases on. Obtain one from {@link TestInfrastructure#postgres()}. */
public interface PostgresServer {

    /** Creates the database if it does not exist yet and returns a JDBC URL for it. */
    String jdbcUrl(String database);

    String username();

    String password();

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

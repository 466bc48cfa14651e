package com.leadledger.testsupport;

import com.leadledger.localruntime.DatabaseRoles;
import com.leadledger.localruntime.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PostgresServer} reached through the JDBC URL of an admin database (usually {@code postgres}): the roles and
 * databases are created there (the admin user must be a superuser), and the databases' URLs are the admin URL with the
 * database name replaced.
 */
class AdminJdbcPostgres implements PostgresServer {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    private final String prefix;
    private final String query;
    private final String adminUrl;
    private final String username;
    private final String password;
    private final String description;
    private final DatabaseRoles roles;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private boolean rolesCreated;

    AdminJdbcPostgres(String adminUrl, String username, String password, String description, DatabaseRoles roles) {
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + adminUrl);
        }
        this.prefix = m.group(1);
        this.query = m.group(3) == null ? "" : m.group(3);
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.description = description;
        this.roles = roles;
    }

    @Override
    public String jdbcUrl(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database names must match " + NAME.pattern() + ": " + database);
        }
        if (!known.contains(database)) {
            synchronized (this) {
                if (!known.contains(database)) {
                    createIfMissing(database);
                    known.add(database);
                }
            }
        }
        return prefix + "/" + database + query;
    }

    /** A database created here belongs to the migration owner, and the application role may connect to it. */
    private void createIfMissing(String database) {
        try (Connection c = DriverManager.getConnection(adminUrl, username, password)) {
            if (!rolesCreated) {
                roles.createOn(c);
                rolesCreated = true;
            }
            if (LocalPostgres.createDatabaseIfMissing(c, database)) {
                roles.adopt(c, database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + description, e);
        }
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public DatabaseRoles roles() {
        return roles;
    }

    String adminUrl() {
        return adminUrl;
    }

    @Override
    public String toString() {
        return description + " (" + prefix + ")";
    }
}

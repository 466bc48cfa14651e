package com.leadledger.localruntime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two PostgreSQL roles the services use (docs/operations.md, "Database roles"): the migration owner, which runs
 * Flyway and owns every database object, and the application role, which serves requests, owns nothing and holds only
 * what the migrations grant it. A superuser creates them on a server ({@link #createOn}) and hands each service's
 * database to the migration owner ({@link #adopt}); the services get them as environment variables
 * ({@link #environment()}).
 *
 * @param migrationUser     runs the migrations and owns the schema ({@value #MIGRATION_USER})
 * @param migrationPassword its password ({@value #MIGRATION_PASSWORD})
 * @param appUser           the services' own connections ({@value #APP_USER})
 * @param appPassword       its password ({@value #APP_PASSWORD})
 */
public record DatabaseRoles(String migrationUser, String migrationPassword, String appUser, String appPassword) {

    public static final String MIGRATION_USER = "LEADLEDGER_DB_MIGRATION_USER";
    public static final String MIGRATION_PASSWORD = "LEADLEDGER_DB_MIGRATION_PASSWORD";
    public static final String APP_USER = "LEADLEDGER_DB_USER";
    public static final String APP_PASSWORD = "LEADLEDGER_DB_PASSWORD";

    /** The roles' names wherever this project creates them: the launcher's PostgreSQL and the tests' server. */
    public static final String DEFAULT_MIGRATION_USER = "leadledger_owner";
    public static final String DEFAULT_APP_USER = "leadledger_app";

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseRoles {
        for (String name : new String[]{migrationUser, appUser}) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("role names must match " + NAME.pattern() + ": " + name);
            }
        }
        if (migrationUser.equals(appUser)) {
            throw new IllegalArgumentException("the migration owner and the application role must differ");
        }
        Objects.requireNonNull(migrationPassword, "migrationPassword");
        Objects.requireNonNull(appPassword, "appPassword");
    }

    /** Roles of the default names. */
    public static DatabaseRoles of(String migrationPassword, String appPassword) {
        return new DatabaseRoles(DEFAULT_MIGRATION_USER, migrationPassword, DEFAULT_APP_USER, appPassword);
    }

    /**
     * Creates both roles (login, no other attribute) on the server of {@code admin}, a superuser's connection, or sets
     * their passwords when they exist. Safe when another connection creates them at the same moment.
     */
    public void createOn(Connection admin) throws SQLException {
        createOrUpdate(admin, migrationUser, migrationPassword);
        createOrUpdate(admin, appUser, appPassword);
    }

    /**
     * Hands the database to the migration owner, and lets only the application role connect to it besides (no
     * temporary tables either). A PostgreSQL 15 database's schema {@code public} belongs to the database's owner.
     */
    public void adopt(Connection admin, String database) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("ALTER DATABASE " + quote(database) + " OWNER TO " + migrationUser);
            st.execute("REVOKE ALL ON DATABASE " + quote(database) + " FROM PUBLIC");
            st.execute("GRANT CONNECT ON DATABASE " + quote(database) + " TO " + appUser);
        }
    }

    /**
     * Gives the migration owner what the connected user (a superuser) owns in the database's schema {@code public}:
     * tables (with their sequences), views, sequences and functions, not those of an extension. For a database the
     * migrations ran in as that user, before the roles were split.
     */
    public void takeOverSchema(Connection database) throws SQLException {
        try (Statement st = database.createStatement()) {
            st.execute("""
                    DO $$
                    DECLARE
                        owned RECORD;
                    BEGIN
                        FOR owned IN SELECT c.oid::regclass AS name FROM pg_class c
                                     WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = current_user::regrole
                                       AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                                       AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                            LOOP
                                EXECUTE format('ALTER TABLE %s OWNER TO %I', owned.name, 'MIGRATION_OWNER');
                            END LOOP;
                        FOR owned IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                                     WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::regrole
                                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid
                                                       AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e')
                            LOOP
                                EXECUTE format('ALTER FUNCTION %s OWNER TO %I', owned.name, 'MIGRATION_OWNER');
                            END LOOP;
                    END
                    $$""".replace("MIGRATION_OWNER", migrationUser));
        }
    }

    /** {@value #APP_USER}, {@value #APP_PASSWORD}, {@value #MIGRATION_USER} and {@value #MIGRATION_PASSWORD}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(APP_USER, appUser);
        env.put(APP_PASSWORD, appPassword);
        env.put(MIGRATION_USER, migrationUser);
        env.put(MIGRATION_PASSWORD, migrationPassword);
        return env;
    }

    @Override
    public String toString() {
        return "DatabaseRoles[migrationUser=" + migrationUser + ", appUser=" + appUser + "]";
    }

    private static void createOrUpdate(Connection admin, String role, String password) throws SQLException {
        if (!exists(admin, role)) {
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE ROLE " + role + " LOGIN PASSWORD " + literal(password));
                return;
            } catch (SQLException e) {
                // 42710 duplicate_object; 23505 when another connection created it at the same moment
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        try (Statement st = admin.createStatement()) {
            st.execute("ALTER ROLE " + role + " LOGIN PASSWORD " + literal(password));
        }
    }

    private static boolean exists(Connection admin, String role) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

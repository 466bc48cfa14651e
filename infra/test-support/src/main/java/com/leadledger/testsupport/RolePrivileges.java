package com.leadledger.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a role may do in a database, as PostgreSQL decides it (its own grants, PUBLIC's and its roles'), for tests that
 * hold it against an allow-list: every table, view and sequence of the given schemas with the privileges the role
 * has on it (an empty set where it has none), the functions it may execute among those PUBLIC may not, and what it
 * owns.
 */
public final class RolePrivileges {

    private RolePrivileges() {
    }

    /**
     * Tables and views by name ({@code schema.name} outside {@code public}), with the privileges out of SELECT, INSERT,
     * UPDATE, DELETE, TRUNCATE, REFERENCES and TRIGGER; sequences with those out of USAGE, SELECT and UPDATE.
     */
    public static TreeMap<String, Set<String>> onRelations(Connection db, String role, String... schemas)
            throws SQLException {
        TreeMap<String, Set<String>> held = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END,
                       array_remove(CASE WHEN c.relkind = 'S' THEN ARRAY[
                           CASE WHEN has_sequence_privilege(?, c.oid, 'USAGE') THEN 'USAGE' END,
                           CASE WHEN has_sequence_privilege(?, c.oid, 'SELECT') THEN 'SELECT' END,
                           CASE WHEN has_sequence_privilege(?, c.oid, 'UPDATE') THEN 'UPDATE' END]
                       ELSE (SELECT array_agg(CASE WHEN has_table_privilege(?, c.oid, p) THEN p END)
                             FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                                               'TRIGGER']) p) END, NULL)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')""")) {
            for (int i = 1; i <= 4; i++) {
                query.setString(i, role);
            }
            query.setArray(5, db.createArrayOf("text", schemas));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), new TreeSet<>(Arrays.asList((String[]) rs.getArray(2).getArray())));
                }
            }
        }
        return held;
    }

    /** The functions of the schemas the role may execute though PUBLIC may not, as {@code name(argument types)}. */
    public static Set<String> functionsBeyondPublic(Connection db, String role, String... schemas)
            throws SQLException {
        return strings(db, """
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ANY (?) AND has_function_privilege(?, p.oid, 'EXECUTE')
                  AND NOT has_function_privilege('public', p.oid, 'EXECUTE')""", schemas, role);
    }

    /** Everything the role owns in the database: relations, functions, schemas, types. */
    public static Set<String> owned(Connection db, String role) throws SQLException {
        return strings(db, """
                SELECT 'relation ' || oid::regclass FROM pg_class WHERE relowner = ?::regrole
                UNION ALL SELECT 'function ' || oid::regprocedure FROM pg_proc WHERE proowner = ?::regrole
                UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspowner = ?::regrole
                UNION ALL SELECT 'type ' || oid::regtype FROM pg_type WHERE typowner = ?::regrole""", null,
                role, role, role, role);
    }

    private static Set<String> strings(Connection db, String sql, String[] schemas, String... roles)
            throws SQLException {
        Set<String> found = new TreeSet<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            int i = 1;
            if (schemas != null) {
                query.setArray(i++, db.createArrayOf("text", schemas));
            }
            for (String role : roles) {
                query.setString(i++, role);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}

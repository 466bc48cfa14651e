package com.leadledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL executed for scenario 1, per accepted registration ({@code --pg-statements}): each statement of the
 * command and query databases from {@code pg_stat_statements}, how often it ran and how long it executed, summed over
 * the rounds (each round from its start until the query side has projected it), and the longest single execution of
 * each, which shows a statement that now and then stalls. Statements that triggers and functions run are counted
 * separately from the statement that fired them ("nested"), whose time includes theirs.
 * Execution time is wall time inside the server: on a busy machine it includes waiting for a core, so it ranks the
 * statements; CPU is what scenario 9 measures. The harness's own few reads of those databases are counted too.
 */
final class StatementAccount {

    /** What the harness's PostgreSQL needs for the account; the library is added to any already preloaded. */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "all");
    /** The stack's own databases; the harness's baseline database is not counted. */
    private static final List<String> DATABASES = List.of(BenchStack.COMMAND_DB, BenchStack.QUERY_DB);
    private static final int LISTED = 30;
    private static final int STATEMENT_CHARS = 200;

    private final BenchStack stack;
    private final Map<String, Totals> totals = new LinkedHashMap<>();
    private long registrations;

    private record Totals(String database, boolean topLevel, String statement, long calls, double execMs,
                          double maxExecMs, long rows) {
        Totals plus(Totals more) {
            return new Totals(database, topLevel, statement, calls + more.calls, execMs + more.execMs,
                    Math.max(maxExecMs, more.maxExecMs), rows + more.rows);
        }
    }

    private StatementAccount(BenchStack stack) {
        this.stack = stack;
    }

    /** Installs the view (in the admin database; it counts for the whole server) and checks that it counts. */
    static StatementAccount start(BenchStack stack) throws SQLException {
        try (Connection c = stack.admin(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
        } catch (SQLException e) {
            throw new SQLException("--pg-statements needs pg_stat_statements in the server's shared_preload_libraries"
                    + " (the harness's own PostgreSQL is started with it; an external one must be): " + e.getMessage(), e);
        }
        return new StatementAccount(stack);
    }

    /** Forgets what the server counted so far: called as a round starts. */
    void reset() throws SQLException {
        try (Connection c = stack.admin(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Adds what the server counted since {@link #reset()}, for {@code accepted} registrations. */
    void add(long accepted) throws SQLException {
        try (Connection c = stack.admin(); PreparedStatement st = c.prepareStatement("""
                SELECT d.datname, s.toplevel, s.queryid, s.query, s.calls, s.total_exec_time, s.max_exec_time, s.rows
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = ANY(?)""")) {
            st.setArray(1, c.createArrayOf("text", DATABASES.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Totals counted = new Totals(rs.getString(1), rs.getBoolean(2),
                            abbreviated(rs.getString(4)), rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getLong(8));
                    totals.merge(rs.getString(1) + "/" + rs.getBoolean(2) + "/" + rs.getLong(3), counted, Totals::plus);
                }
            }
        }
        registrations += accepted;
    }

    /**
     * Per database: statements sent by clients and their execution time per registration; then the statements that
     * took longest in all, each per registration.
     */
    Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("registrations", registrations);
        Map<String, Object> databases = new LinkedHashMap<>();
        for (String database : DATABASES) {
            List<Totals> sent = totals.values().stream().filter(t -> t.database.equals(database) && t.topLevel).toList();
            databases.put(database, Map.of(
                    "statementsPerRegistration", perRegistration(sent.stream().mapToLong(Totals::calls).sum()),
                    "execMicrosPerRegistration", perRegistration(sent.stream().mapToDouble(Totals::execMs).sum() * 1000)));
        }
        report.put("databases", databases);
        List<Map<String, Object>> statements = new ArrayList<>();
        totals.values().stream().sorted(Comparator.comparingDouble(Totals::execMs).reversed()).limit(LISTED)
                .forEach(t -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("database", t.database);
                    s.put("nested", !t.topLevel);
                    s.put("callsPerRegistration", perRegistration(t.calls));
                    s.put("execMicrosPerRegistration", perRegistration(t.execMs * 1000));
                    s.put("meanExecMicros", t.calls == 0 ? 0 : Stats.round(t.execMs * 1000 / t.calls, 1));
                    s.put("maxExecMillis", Stats.round(t.maxExecMs, 2));
                    s.put("rowsPerRegistration", perRegistration(t.rows));
                    s.put("statement", t.statement);
                    statements.add(s);
                });
        report.put("statements", statements);
        return report;
    }

    private double perRegistration(double value) {
        return registrations == 0 ? 0 : Stats.round(value / registrations, 2);
    }

    private static String abbreviated(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= STATEMENT_CHARS ? oneLine : oneLine.substring(0, STATEMENT_CHARS - 1) + "…";
    }
}

package com.leadledger.verifier;

import com.leadledger.integrity.history.JdbcHistoryVerifier;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** {@code verify-chain}: the command side's event store, straight from PostgreSQL. */
final class ChainCheck {

    private ChainCheck() {
    }

    static int run(Map<String, String> options, Map<String, String> env, PrintStream out, PrintStream err)
            throws SQLException {
        String url = options.getOrDefault("db-url", setting(env, "LEADLEDGER_COMMAND_DB_URL",
                "jdbc:postgresql://localhost:" + setting(env, "LEADLEDGER_PG_PORT", "15432") + "/leadledger_command"));
        String user = options.getOrDefault("user", setting(env, "LEADLEDGER_DB_USER", "postgres"));
        String password = options.getOrDefault("password", setting(env, "LEADLEDGER_DB_PASSWORD", "postgres"));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long start = System.nanoTime();
            JdbcHistoryVerifier.Report report = JdbcHistoryVerifier.verify(connection, "domainevententry",
                    "stream_head", hasTable(connection, "chain_checkpoint") ? "chain_checkpoint" : null,
                    options.get("stream"), done -> err.println("  … " + done + " events checked"));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (report.intact()) {
                out.printf("INTACT: %d events in %d streams verified in %.1f s; %d checkpoints re-computed%n",
                        report.events(), report.streams(), seconds, report.checkpoints());
                return 0;
            }
            out.println("BROKEN: " + report.describe());
            return AuditCommands.BROKEN;
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** An environment variable, trimmed; the fallback when it is unset or blank. */
    private static String setting(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

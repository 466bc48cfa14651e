package com.leadledger.command.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.leadledger.testsupport.TestInfrastructure;

/** Waiting on a real condition instead of a fixed pause; generous timeouts, for a busy machine. */
final class Conditions {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Conditions() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The backend id of a connection's session. */
    static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet row = pid.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Waits until some session of the database waits for a lock that the session {@code holder} holds (PostgreSQL's
     * {@code pg_blocking_pids}, from a connection of its own).
     */
    static void awaitBlockedBy(String jdbcUrl, int holder, String what) {
        var pg = TestInfrastructure.postgres();
        await(what, () -> {
            try (Connection watcher = DriverManager.getConnection(jdbcUrl, pg.username(), pg.password());
                 PreparedStatement blocked = watcher.prepareStatement(
                         "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
                blocked.setInt(1, holder);
                try (ResultSet row = blocked.executeQuery()) {
                    row.next();
                    return row.getLong(1) > 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

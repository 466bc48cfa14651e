package com.leadledger.query.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One projection rebuild at a time across every instance of the query service: a running rebuild holds this session
 * advisory lock on a connection of its own. Two rebuilds would empty and fill the same shadow tables; PostgreSQL
 * releases the lock with the session when an instance dies in the middle of one.
 */
@Component
public class RebuildLock {

    /** The advisory lock's key, "LLREBULD". */
    public static final long KEY = 0x4c4c_5245_4255_4c44L;

    private static final Logger log = LoggerFactory.getLogger(RebuildLock.class);

    private final DataSource dataSource;

    RebuildLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, held until closed; empty when another rebuild, on this instance or another, holds it. */
    Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (call(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.of(new Held(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            log.warn("could not close the rebuild lock's connection", e);
        }
    }

    /** The held lock; closing it unlocks it before its connection goes back to the pool. */
    static final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                if (!call(connection, "SELECT pg_advisory_unlock(?)")) {
                    log.warn("the rebuild lock was no longer held when the rebuild ended");
                }
            } catch (SQLException e) {
                // the session is broken, and its locks went with it
                log.warn("could not release the rebuild lock", e);
            } finally {
                closeQuietly(connection);
            }
        }
    }
}

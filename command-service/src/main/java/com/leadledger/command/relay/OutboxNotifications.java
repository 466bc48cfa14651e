package com.leadledger.command.relay;

import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Waits for PostgreSQL's notification that outbox rows were committed ({@code V23__relay_outbox_notify.sql}), on a
 * connection of its own outside the pool: a listening connection must stay open, and a pooled one would be missing
 * from the requests' pool for good. Used by the relay's thread only.
 *
 * <p>Nothing is lost by a notification that is not heard: the relay drains the outbox after every wake-up, after
 * every (re)connection, and at least once per timeout.
 */
class OutboxNotifications implements AutoCloseable {

    static final String CHANNEL = "leadledger_relay_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final String url;
    private final Properties credentials = new Properties();
    private Connection listening;

    OutboxNotifications(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("ApplicationName", "leadledger-relay-listener");
    }

    /**
     * Returns when outbox rows may be waiting: at once after (re)connecting, when a notification arrived (or had
     * arrived since the last call), and otherwise after {@code timeout}. Throws when the connection fails (it is
     * closed then and opened again by the next call).
     */
    void await(Duration timeout) throws SQLException {
        if (listening == null) {
            listening = listen();
            return;
        }
        try {
            PGConnection pg = listening.unwrap(PGConnection.class);
            // 0 would mean "block without end"
            pg.getNotifications((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private Connection listen() throws SQLException {
        Connection connection = new Driver().connect(url, credentials);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                log.debug("closing the relay's listening connection: {}", e.toString());
            }
            listening = null;
        }
    }
}

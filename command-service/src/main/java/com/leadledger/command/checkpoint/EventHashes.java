package com.leadledger.command.checkpoint;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;

/**
 * Streams the stored event hashes of a range of global indexes in log order, through a cursor in the caller's
 * transaction, so that reading the whole log never holds it in memory.
 */
final class EventHashes {

    private static final int FETCH_SIZE = 5_000;

    @FunctionalInterface
    interface Consumer {
        void accept(long globalIndex, byte[] eventHash);
    }

    private EventHashes() {
    }

    /** Passes every event with {@code after < globalindex <= upTo} to {@code consumer}, oldest first. */
    static void stream(JdbcTemplate jdbc, long after, long upTo, Consumer consumer) {
        jdbc.query(connection -> {
            PreparedStatement events = connection.prepareStatement("SELECT globalindex, event_hash "
                    + "FROM domainevententry WHERE globalindex > ? AND globalindex <= ? ORDER BY globalindex");
            events.setFetchSize(FETCH_SIZE); // PgJDBC uses a cursor only with a fetch size, inside a transaction
            events.setLong(1, after);
            events.setLong(2, upTo);
            return events;
        }, rs -> {
            consumer.accept(rs.getLong(1), rs.getBytes(2));
        });
    }
}

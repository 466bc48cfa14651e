package com.leadledger.integrity.history;

import com.leadledger.integrity.chain.ChainBreak;
import com.leadledger.integrity.chain.ChainsVerifier;
import com.leadledger.integrity.chain.StoredEvent;
import com.leadledger.integrity.chain.StreamHead;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.CheckpointBreak;
import com.leadledger.integrity.checkpoint.CheckpointVerifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Verifies the command side's event store (or a copy of its rows) straight from PostgreSQL with plain JDBC: every
 * stream's hash chain ({@link ChainsVerifier}) and, when a head table is given, that each stream ends where its
 * recorded head says (which catches an event removed from or added to the end of a stream). Streams rows in sequence
 * order with a cursor, so memory stays flat for any size. Used by the command-line verifier and the tests.
 */
public final class JdbcHistoryVerifier {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /**
     * @param checkpoints     how many checkpoints were verified (0 when none were checked)
     * @param checkpointBreak where the events stopped matching the checkpoints over them
     */
    public record Report(long streams, long events, Optional<ChainBreak> firstBreak, long checkpoints,
                         Optional<CheckpointBreak> checkpointBreak) {

        public Report(long streams, long events, Optional<ChainBreak> firstBreak) {
            this(streams, events, firstBreak, 0, Optional.empty());
        }

        public boolean intact() {
            return firstBreak.isEmpty() && checkpointBreak.isEmpty();
        }

        /** The first break in words, chain breaks first; empty when intact. */
        public String describe() {
            return firstBreak.map(ChainBreak::describe)
                    .orElse(checkpointBreak.map(CheckpointBreak::describe).orElse(""));
        }
    }

    private JdbcHistoryVerifier() {
    }

    /**
     * @param stream   one stream's id, or null for everything
     * @param progress called with the number of events checked so far, every 10,000 events
     */
    public static Report verify(Connection connection, String eventTable, String headTable, String stream,
                                LongConsumer progress) throws SQLException {
        return verifyChains(connection, eventTable, headTable, stream, progress);
    }

    /**
     * As {@link #verify(Connection, String, String, String, LongConsumer)}, and for the whole history (stream null)
     * also re-computes every checkpoint of {@code checkpointTable} over the events in global-index order, which catches
     * what per-stream chains cannot: a whole stream removed, an event removed from the end of a stream together with
     * its head, an event moved in the global order.
     */
    public static Report verify(Connection connection, String eventTable, String headTable, String checkpointTable,
                                String stream, LongConsumer progress) throws SQLException {
        Report chains = verifyChains(connection, eventTable, headTable, stream, progress);
        if (stream != null || checkpointTable == null) {
            return chains;
        }
        CheckpointVerifier checkpoints = new CheckpointVerifier(checkpoints(connection, checkpointTable));
        try (Cursor cursor = new Cursor(connection);
             PreparedStatement statement = connection.prepareStatement("SELECT globalindex, eventidentifier, "
                     + "aggregateidentifier, sequencenumber, event_hash FROM " + requireIdentifier(eventTable)
                     + " ORDER BY globalindex")) {
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next() && checkpoints.firstBreak().isEmpty()) {
                    checkpoints.accept(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getBytes(5));
                }
            }
        }
        Optional<CheckpointBreak> broken = checkpoints.finish();
        return new Report(chains.streams(), chains.events(), chains.firstBreak(), checkpoints.verifiedCheckpoints(),
                broken);
    }

    /** The checkpoints of a checkpoint table (command-service migration V20), in order. */
    public static List<Checkpoint> checkpoints(Connection connection, String checkpointTable) throws SQLException {
        List<Checkpoint> list = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT checkpoint_no, first_index, last_index, "
                + "event_count, gaps, merkle_root, previous_hash, checkpoint_hash FROM "
                + requireIdentifier(checkpointTable) + " ORDER BY checkpoint_no");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Array gaps = rows.getArray(5);
                List<Long> gapList = gaps == null ? List.of() : Arrays.stream((Long[]) gaps.getArray()).sorted().toList();
                list.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), gapList,
                        rows.getBytes(6), rows.getBytes(7), rows.getBytes(8)));
            }
        }
        return list;
    }

    private static Report verifyChains(Connection connection, String eventTable, String headTable, String stream,
                                       LongConsumer progress) throws SQLException {
        requireIdentifier(eventTable);
        ChainsVerifier chains = ChainsVerifier.againstHeads(
                headTable == null ? null : heads(connection, requireIdentifier(headTable), stream));
        String sql = "SELECT eventidentifier, aggregateidentifier, sequencenumber, type, payloadtype, payloadrevision, "
                + "timestamp, payload, metadata, previous_hash, event_hash FROM " + eventTable
                + (stream == null ? "" : " WHERE aggregateidentifier = ?") + " ORDER BY aggregateidentifier, sequencenumber";
        try (Cursor cursor = new Cursor(connection); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(2_000);
            if (stream != null) {
                statement.setString(1, stream);
            }
            try (ResultSet rows = statement.executeQuery()) {
                boolean unbroken = true;
                while (unbroken && rows.next()) {
                    unbroken = chains.accept(new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getBytes(8), rows.getBytes(9), rows.getBytes(10), rows.getBytes(11)));
                    if (chains.events() % 10_000 == 0 && progress != null) {
                        progress.accept(chains.events());
                    }
                }
            }
        }
        Optional<ChainBreak> broken = chains.finish();
        return new Report(chains.streams(), chains.events(), broken);
    }

    private static Map<String, StreamHead> heads(Connection connection, String headTable, String stream)
            throws SQLException {
        Map<String, StreamHead> heads = new HashMap<>();
        String sql = "SELECT aggregateidentifier, last_sequence, head_hash FROM " + headTable
                + (stream == null ? "" : " WHERE aggregateidentifier = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (stream != null) {
                statement.setString(1, stream);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getString(1), new StreamHead(rows.getLong(2), rows.getBytes(3)));
                }
            }
        }
        return heads;
    }

    private static String requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table name: " + name);
        }
        return name;
    }

    /**
     * A read-only transaction around a query, so that PostgreSQL streams the rows with a cursor (it does only outside
     * auto-commit); a connection already in a transaction is left as it is.
     */
    private static final class Cursor implements AutoCloseable {
        private final Connection connection;
        private final boolean autoCommit;

        Cursor(Connection connection) throws SQLException {
            this.connection = connection;
            this.autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
        }

        @Override
        public void close() throws SQLException {
            if (autoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}

package com.leadledger.events.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Verifies the command side's event store (or a copy of its rows) straight from PostgreSQL with plain JDBC: every
 * stream's hash chain ({@link StreamVerifier}) and, when a head table is given, that each stream ends where its
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
        CheckpointVerifier checkpoints = new CheckpointVerifier(checkpoints(connection, requireIdentifier(checkpointTable)));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement("SELECT globalindex, eventidentifier, "
                + "aggregateidentifier, sequencenumber, event_hash FROM " + eventTable + " ORDER BY globalindex")) {
            statement.setFetchSize(2_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next() && checkpoints.firstBreak().isEmpty()) {
                    checkpoints.accept(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getBytes(5));
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        Optional<CheckpointBreak> broken = checkpoints.finish();
        return new Report(chains.streams(), chains.events(), chains.firstBreak(), checkpoints.verifiedCheckpoints(),
                broken);
    }

    /** The checkpoints of a checkpoint table (command-service migration V20), in order. */
    public static java.util.List<Checkpoint> checkpoints(Connection connection, String checkpointTable)
            throws SQLException {
        java.util.List<Checkpoint> list = new java.util.ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT checkpoint_no, first_index, last_index, "
                + "event_count, gaps, merkle_root, previous_hash, checkpoint_hash FROM "
                + requireIdentifier(checkpointTable) + " ORDER BY checkpoint_no");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                java.sql.Array gaps = rows.getArray(5);
                java.util.List<Long> gapList = gaps == null ? java.util.List.of()
                        : java.util.Arrays.stream((Long[]) gaps.getArray()).sorted().toList();
                list.add(new Checkpoint(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), gapList,
                        rows.getBytes(6), rows.getBytes(7), rows.getBytes(8)));
            }
        }
        return list;
    }

    private static Report verifyChains(Connection connection, String eventTable, String headTable, String stream,
                                       LongConsumer progress) throws SQLException {
        requireIdentifier(eventTable);
        Map<String, Head> heads = headTable == null ? null : heads(connection, requireIdentifier(headTable), stream);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // lets PostgreSQL stream the rows with a cursor
        String sql = "SELECT eventidentifier, aggregateidentifier, sequencenumber, type, payloadtype, payloadrevision, "
                + "timestamp, payload, metadata, previous_hash, event_hash FROM " + eventTable
                + (stream == null ? "" : " WHERE aggregateidentifier = ?") + " ORDER BY aggregateidentifier, sequencenumber";
        long streams = 0;
        long events = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(2_000);
            if (stream != null) {
                statement.setString(1, stream);
            }
            try (ResultSet rows = statement.executeQuery()) {
                StreamVerifier current = null;
                String currentId = null;
                long lastSequence = -1;
                while (rows.next()) {
                    StoredEvent event = new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getBytes(8), rows.getBytes(9), rows.getBytes(10), rows.getBytes(11));
                    if (!event.aggregateId().equals(currentId)) {
                        Optional<ChainBreak> ended = end(current, currentId, lastSequence, heads);
                        if (ended.isPresent()) {
                            return new Report(streams, events, ended);
                        }
                        current = new StreamVerifier(event.aggregateId());
                        currentId = event.aggregateId();
                        streams++;
                    }
                    current.accept(event);
                    lastSequence = event.sequenceNumber();
                    events++;
                    if (events % 10_000 == 0 && progress != null) {
                        progress.accept(events);
                    }
                }
                Optional<ChainBreak> ended = end(current, currentId, lastSequence, heads);
                if (ended.isPresent()) {
                    return new Report(streams, events, ended);
                }
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
        if (heads != null && !heads.isEmpty()) {
            var missing = heads.entrySet().iterator().next();
            return new Report(streams, events, Optional.of(new ChainBreak(missing.getKey(), missing.getValue().lastSequence,
                    null, "STREAM_MISSING", "events up to sequence " + missing.getValue().lastSequence, "no events")));
        }
        return new Report(streams, events, Optional.empty());
    }

    private record Head(long lastSequence, byte[] hash) {
    }

    private static Optional<ChainBreak> end(StreamVerifier verifier, String streamId, long lastSequence,
                                            Map<String, Head> heads) {
        if (verifier == null) {
            return Optional.empty();
        }
        if (verifier.firstBreak().isPresent()) {
            return verifier.firstBreak();
        }
        if (heads == null) {
            return Optional.empty();
        }
        Head head = heads.remove(streamId);
        if (head == null) {
            return Optional.of(new ChainBreak(streamId, lastSequence, null, "HEAD_MISSING",
                    "a recorded head for the stream", "none"));
        }
        if (head.lastSequence != lastSequence || !java.util.Arrays.equals(head.hash, verifier.head())) {
            return Optional.of(new ChainBreak(streamId, lastSequence, null, "HEAD_MISMATCH",
                    "last sequence " + head.lastSequence + " with hash " + EventChain.hex(head.hash),
                    "last sequence " + lastSequence + " with hash " + EventChain.hex(verifier.head())));
        }
        return Optional.empty();
    }

    private static Map<String, Head> heads(Connection connection, String headTable, String stream) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        String sql = "SELECT aggregateidentifier, last_sequence, head_hash FROM " + headTable
                + (stream == null ? "" : " WHERE aggregateidentifier = ?");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (stream != null) {
                statement.setString(1, stream);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getString(1), new Head(rows.getLong(2), rows.getBytes(3)));
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
}

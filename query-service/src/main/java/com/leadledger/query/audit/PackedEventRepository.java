package com.leadledger.query.audit;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;

/** The stored form of events from {@code event_log}, for evidence packs. */
@Repository
class PackedEventRepository {

    private static final String COLUMNS = "event_id, event_type, aggregate_id, sequence_number, aggregate_type, "
            + "stored_payload_type, stored_payload_revision, stored_timestamp, stored_payload, stored_metadata, "
            + "global_index, previous_hash, event_hash";

    private static final RowMapper<PackedEvent> ROW = (rs, n) -> new PackedEvent(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10), rs.getLong(11), rs.getBytes(12), rs.getBytes(13));

    private final JdbcClient jdbc;

    PackedEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of the streams, each stream in sequence order. */
    List<PackedEvent> ofStreams(Collection<String> aggregateIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE aggregate_id IN (:ids) "
                        + "ORDER BY aggregate_id, sequence_number")
                .param("ids", aggregateIds).query(ROW).list();
    }

    /** The events that published these policy versions. */
    List<PackedEvent> policyPublications(Collection<Long> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE event_type = 'PolicyPublished' "
                        + "AND (payload->>'version')::bigint IN (:versions) ORDER BY global_index")
                .param("versions", versions).query(ROW).list();
    }

    /** The (global index, event hash) leaves of a checkpoint's range, in global-index order. */
    List<Leaf> leaves(long firstIndex, long lastIndex) {
        return jdbc.sql("SELECT global_index, event_hash FROM event_log WHERE global_index BETWEEN :first AND :last "
                        + "ORDER BY global_index")
                .param("first", firstIndex).param("last", lastIndex)
                .query((rs, n) -> new Leaf(rs.getLong(1), rs.getBytes(2))).list();
    }

    record Leaf(long globalIndex, byte[] eventHash) {
    }
}

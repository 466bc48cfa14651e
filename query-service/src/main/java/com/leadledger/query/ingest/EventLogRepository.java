package com.leadledger.query.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Appends to {@code event_log}; never updates or deletes (the table's triggers refuse both). */
@Repository
public class EventLogRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper mapper;

    public EventLogRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.mapper = codec.mapper();
    }

    /**
     * The advisory lock that orders ingest against a projection rebuild's final swap: each ingest transaction holds it
     * shared, the swap takes it exclusively, so no event is stored between the rebuild's last catch-up and the swap.
     */
    public static final long INGEST_LOCK = 0x4c4c_5245_4255_494cL; // "LLREBUIL"

    /** Takes {@link #INGEST_LOCK} shared until the current transaction ends. */
    public void holdIngestLock() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock_shared(:key)) locked").param("key", INGEST_LOCK)
                .query(Integer.class).single();
    }

    /**
     * What this side holds of an event's place in its stream.
     *
     * @param previousHash the hash of the stream's event just before, null when it is not held
     * @param occupiedBy   the id of the event held at the place itself, null when there is none
     */
    public record StreamPlace(byte[] previousHash, String occupiedBy) {
    }

    public StreamPlace placeOf(String aggregateId, long sequenceNumber) {
        record Held(long sequence, String eventId, byte[] hash) {
        }
        List<Held> held = jdbc.sql("""
                        SELECT sequence_number, event_id, event_hash FROM event_log
                         WHERE aggregate_id = :aggregateId AND sequence_number IN (:previous, :place)""")
                .param("aggregateId", aggregateId)
                .param("previous", sequenceNumber - 1)
                .param("place", sequenceNumber)
                .query((row, n) -> new Held(row.getLong(1), row.getString(2), row.getBytes(3)))
                .list();
        byte[] previous = held.stream().filter(h -> h.sequence() == sequenceNumber - 1).map(Held::hash)
                .findFirst().orElse(null);
        String occupiedBy = held.stream().filter(h -> h.sequence() == sequenceNumber).map(Held::eventId)
                .findFirst().orElse(null);
        return new StreamPlace(previous, occupiedBy);
    }

    /**
     * What this side holds of the places of several events in their streams (each event's own place and the one just
     * before), as one statement.
     */
    public StreamPlaces placesOf(List<EventEnvelope> envelopes) {
        List<String> aggregates = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            for (long sequence : new long[] {envelope.sequenceNumber() - 1, envelope.sequenceNumber()}) {
                aggregates.add(envelope.aggregateId());
                sequences.add(sequence);
            }
        }
        StreamPlaces places = new StreamPlaces();
        jdbc.sql("""
                        SELECT e.aggregate_id, e.sequence_number, e.event_id, e.event_hash
                        FROM event_log e
                        JOIN (SELECT DISTINCT * FROM unnest(CAST(:aggregates AS text[]), CAST(:sequences AS bigint[])))
                             AS p (aggregate_id, sequence_number)
                          ON e.aggregate_id = p.aggregate_id AND e.sequence_number = p.sequence_number""")
                .param("aggregates", aggregates.toArray(String[]::new))
                .param("sequences", sequences.toArray(Long[]::new))
                .query((row, n) -> {
                    places.hold(row.getString(1), row.getLong(2), row.getString(3), row.getBytes(4));
                    return n;
                })
                .list();
        return places;
    }

    /**
     * Stores the event unless an event with its id is already stored.
     *
     * @return true when this call stored it, false for a duplicate delivery
     */
    public boolean append(EventEnvelope envelope) {
        return appendAll(List.of(envelope))[0];
    }

    /**
     * Stores each event unless an event with its id is already stored (earlier, or earlier in the list), as one JDBC
     * batch.
     *
     * @return for each event, whether this call stored it (false for a duplicate delivery)
     */
    public boolean[] appendAll(List<EventEnvelope> envelopes) {
        int[] inserted = batch.batchUpdate("""
                INSERT INTO event_log (event_id, global_index, aggregate_type, aggregate_id, sequence_number,
                                       event_type, occurred_at, metadata, payload, schema_version,
                                       previous_hash, event_hash, stored_payload_type, stored_payload_revision,
                                       stored_timestamp, stored_payload, stored_metadata)
                VALUES (:eventId, :globalIndex, :aggregateType, :aggregateId, :sequenceNumber,
                        :eventType, :occurredAt, CAST(:metadata AS jsonb), CAST(:payload AS jsonb),
                        :schemaVersion, :previousHash, :eventHash, :payloadType, :payloadRevision,
                        :storedTimestamp, :storedPayload, :storedMetadata)
                ON CONFLICT (event_id) DO NOTHING""",
                envelopes.stream().map(this::row).toArray(SqlParameterSource[]::new));
        boolean[] stored = new boolean[inserted.length];
        for (int i = 0; i < inserted.length; i++) {
            stored[i] = inserted[i] == 1;
        }
        return stored;
    }

    private SqlParameterSource row(EventEnvelope envelope) {
        EventEnvelope.Integrity integrity = envelope.integrity();
        return new MapSqlParameterSource()
                .addValue("eventId", envelope.eventId())
                .addValue("globalIndex", envelope.globalIndex())
                .addValue("aggregateType", envelope.aggregateType())
                .addValue("aggregateId", envelope.aggregateId())
                .addValue("sequenceNumber", envelope.sequenceNumber())
                .addValue("eventType", envelope.eventType())
                .addValue("occurredAt", Timestamp.from(envelope.timestamp()))
                .addValue("metadata", json(envelope.metadata() == null ? Map.of() : envelope.metadata()))
                .addValue("payload", json(envelope.payload()))
                .addValue("schemaVersion", envelope.schemaVersion())
                .addValue("previousHash", integrity == null ? null : HexFormat.of().parseHex(integrity.previousHash()))
                .addValue("eventHash", integrity == null ? null : HexFormat.of().parseHex(integrity.eventHash()))
                .addValue("payloadType", integrity == null ? null : integrity.payloadType())
                .addValue("payloadRevision", integrity == null ? null : integrity.payloadRevision())
                .addValue("storedTimestamp", integrity == null ? null : integrity.storedTimestamp())
                .addValue("storedPayload", integrity == null ? null : bytes(integrity.storedPayload()))
                .addValue("storedMetadata", integrity == null ? null : bytes(integrity.storedMetadata()));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}

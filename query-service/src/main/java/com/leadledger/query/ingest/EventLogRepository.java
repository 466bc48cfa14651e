package com.leadledger.query.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Appends to {@code event_log}; never updates or deletes (the table's triggers refuse both). */
@Repository
public class EventLogRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public EventLogRepository(JdbcClient jdbc, EnvelopeCodec codec) {
        this.jdbc = jdbc;
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
     * Stores the event unless an event with its id is already stored.
     *
     * @return true when this call stored it, false for a duplicate delivery
     */
    public boolean append(EventEnvelope envelope) {
        EventEnvelope.Integrity integrity = envelope.integrity();
        int inserted = jdbc.sql("""
                        INSERT INTO event_log (event_id, global_index, aggregate_type, aggregate_id, sequence_number,
                                               event_type, occurred_at, metadata, payload, schema_version,
                                               previous_hash, event_hash, stored_payload_type, stored_payload_revision,
                                               stored_timestamp, stored_payload, stored_metadata)
                        VALUES (:eventId, :globalIndex, :aggregateType, :aggregateId, :sequenceNumber,
                                :eventType, :occurredAt, CAST(:metadata AS jsonb), CAST(:payload AS jsonb),
                                :schemaVersion, :previousHash, :eventHash, :payloadType, :payloadRevision,
                                :storedTimestamp, :storedPayload, :storedMetadata)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", envelope.eventId())
                .param("globalIndex", envelope.globalIndex())
                .param("aggregateType", envelope.aggregateType())
                .param("aggregateId", envelope.aggregateId())
                .param("sequenceNumber", envelope.sequenceNumber())
                .param("eventType", envelope.eventType())
                .param("occurredAt", Timestamp.from(envelope.timestamp()))
                .param("metadata", json(envelope.metadata() == null ? Map.of() : envelope.metadata()))
                .param("payload", json(envelope.payload()))
                .param("schemaVersion", envelope.schemaVersion())
                .param("previousHash", integrity == null ? null : HexFormat.of().parseHex(integrity.previousHash()))
                .param("eventHash", integrity == null ? null : HexFormat.of().parseHex(integrity.eventHash()))
                .param("payloadType", integrity == null ? null : integrity.payloadType())
                .param("payloadRevision", integrity == null ? null : integrity.payloadRevision())
                .param("storedTimestamp", integrity == null ? null : integrity.storedTimestamp())
                .param("storedPayload", integrity == null ? null : bytes(integrity.storedPayload()))
                .param("storedMetadata", integrity == null ? null : bytes(integrity.storedMetadata()))
                .update();
        return inserted == 1;
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

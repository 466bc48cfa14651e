package com.leadledger.query.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads past events back from {@code event_log} as decoded payloads, ready to be folded by a {@link Projector}: the
 * read side's way to answer "what did this look like back then" from the history, never from the current tables.
 * Events of types this version does not know are left out (no projector could apply them).
 */
@Repository
public class EventHistory {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final EnvelopeCodec codec;
    private final ObjectMapper mapper;

    public EventHistory(JdbcClient jdbc, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.mapper = codec.mapper();
    }

    private static final String COLUMNS = "event_id, event_type, aggregate_type, aggregate_id, sequence_number, "
            + "global_index, occurred_at, metadata::text AS metadata, payload::text AS payload";

    /**
     * The aggregate's events stored on the command side before the event with global index
     * {@code beforeGlobalIndex}, in stream order.
     */
    public List<Projector.Step> before(String aggregateId, long beforeGlobalIndex) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE aggregate_id = :aggregateId"
                        + " AND global_index < :before ORDER BY sequence_number, global_index")
                .param("aggregateId", aggregateId)
                .param("before", beforeGlobalIndex)
                .query((rs, n) -> step(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** The aggregate's events stored on the command side at or before {@code asOf}, in stream order. */
    public List<Projector.Step> asOf(String aggregateId, Instant asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE aggregate_id = :aggregateId"
                        + " AND occurred_at <= :asOf ORDER BY sequence_number, global_index")
                .param("aggregateId", aggregateId)
                .param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> step(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /**
     * The events that make up a dispute as of {@code asOf}: its own stream and the effects on other aggregates that
     * name it (revocations, penalties, recorded rulings, support moves and approvals citing it), in the order they
     * were stored.
     */
    public List<Projector.Step> ofDisputeAsOf(String disputeId, Instant asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log"
                        + " WHERE (aggregate_id = :id OR payload->>'disputeId' = :id"
                        + "        OR payload->>'rulingDisputeId' = :id)"
                        + " AND occurred_at <= :asOf ORDER BY global_index, sequence_number")
                .param("id", disputeId)
                .param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> step(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /**
     * The events of the given types stored on the command side at or before {@code asOf}, in stored order (global
     * index).
     */
    public List<Projector.Step> upTo(Instant asOf, Collection<String> eventTypes) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE event_type IN (:types) AND occurred_at <= :asOf"
                        + " ORDER BY global_index, event_id")
                .param("types", eventTypes)
                .param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> step(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /**
     * The events of {@code partnerTypes} whose payload names the partner ({@code partnerId}), and every event of
     * {@code sharedTypes}, stored at or before {@code asOf}, in stored order: one partner's figures without reading
     * (or failing on) any other partner's events.
     */
    public List<Projector.Step> upToForPartner(String partnerId, Instant asOf, Collection<String> partnerTypes,
                                               Collection<String> sharedTypes) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE occurred_at <= :asOf"
                        + " AND ((event_type IN (:partnerTypes) AND payload->>'partnerId' = :partnerId)"
                        + " OR event_type IN (:sharedTypes)) ORDER BY global_index, event_id")
                .param("asOf", Timestamp.from(asOf))
                .param("partnerTypes", partnerTypes)
                .param("partnerId", partnerId)
                .param("sharedTypes", sharedTypes)
                .query((rs, n) -> step(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** The policy version in force at {@code asOf}: the last one published at or before it; empty before the first. */
    public Optional<PolicyPublished> policyInForceAt(Instant asOf) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE event_type = :type AND occurred_at <= :asOf"
                        + " ORDER BY global_index DESC, event_id DESC LIMIT 1")
                .param("type", EventTypes.nameOf(PolicyPublished.class))
                .param("asOf", Timestamp.from(asOf))
                .query((rs, n) -> step(rs))
                .optional().flatMap(step -> step).map(step -> (PolicyPublished) step.event());
    }

    /** One stored event in a batch read of the whole log: its place, and its payload when this version knows it. */
    public record Stored(long globalIndex, String eventId, Optional<Projector.Step> step) {
    }

    /** The next {@code limit} events of the whole log after the cursor (global index, then event id). */
    public List<Stored> after(long globalIndex, String eventId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log WHERE (global_index, event_id) > (:index, :id)"
                        + " ORDER BY global_index, event_id LIMIT :limit")
                .param("index", globalIndex)
                .param("id", eventId)
                .param("limit", limit)
                .query((rs, n) -> new Stored(rs.getLong("global_index"), rs.getString("event_id"), step(rs)))
                .list();
    }

    /** The events a fixed SQL condition over {@code event_log e} selects, in global order (never user input). */
    public List<Stored> where(String condition) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_log e WHERE " + condition
                        + " ORDER BY global_index, event_id")
                .query((rs, n) -> new Stored(rs.getLong("global_index"), rs.getString("event_id"), step(rs)))
                .list();
    }

    /** The row's event and its place; the payload is read straight from its JSON text into the event record. */
    private Optional<Projector.Step> step(ResultSet rs) throws SQLException {
        String eventId = rs.getString("event_id");
        String eventType = rs.getString("event_type");
        try {
            Optional<LeadLedgerEvent> payload = codec.payload(eventId, eventType, rs.getString("payload"));
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            EventEnvelope place = new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, eventId, eventType,
                    rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence_number"),
                    rs.getLong("global_index"), rs.getTimestamp("occurred_at").toInstant(),
                    mapper.readValue(rs.getString("metadata"), METADATA), null);
            return Optional.of(new Projector.Step(payload.get(), EventRef.of(place)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event_log holds invalid JSON for " + eventId, e);
        }
    }
}

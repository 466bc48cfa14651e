package com.leadledger.query.audit;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Reads {@code event_log} (written only by the ingest). */
@Repository
class AuditEventRepository {

    /** Each member is backed by an expression index (V11__audit_lookup_indexes.sql). */
    private static final String CONCERNS_PARTNER = """
            (aggregate_id = :partnerId OR payload->>'partnerId' = :partnerId OR metadata->>'partnerId' = :partnerId
             OR payload->>'fromPartnerId' = :partnerId OR payload->>'toPartnerId' = :partnerId
             OR payload->>'complainantPartnerId' = :partnerId OR payload->>'respondentPartnerId' = :partnerId)""";

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final RowMapper<AuditEvent> row;

    AuditEventRepository(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.row = (rs, n) -> new AuditEvent(
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getLong("sequence_number"),
                rs.getLong("global_index"),
                rs.getString("previous_hash"),
                rs.getString("event_hash"),
                rs.getTimestamp("occurred_at").toInstant(),
                json(rs.getString("metadata")),
                json(rs.getString("payload")),
                rs.getTimestamp("received_at").toInstant());
    }

    /** The aggregate's events in stream order. */
    List<AuditEvent> byAggregate(String aggregateId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT event_id, event_type, aggregate_type, aggregate_id, sequence_number, global_index,
                               occurred_at, metadata::text AS metadata, payload::text AS payload, received_at,
                               encode(previous_hash, 'hex') AS previous_hash, encode(event_hash, 'hex') AS event_hash
                        FROM event_log
                        WHERE aggregate_id = :aggregateId
                        ORDER BY sequence_number, global_index, event_id
                        LIMIT :limit OFFSET :offset""")
                .param("aggregateId", aggregateId)
                .param("limit", limit)
                .param("offset", offset)
                .query(row).list();
    }

    /** Everything that concerns the partner: its stream, events naming it, and what it did; in stored order. */
    List<AuditEvent> concerningPartner(String partnerId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT event_id, event_type, aggregate_type, aggregate_id, sequence_number, global_index,
                               occurred_at, metadata::text AS metadata, payload::text AS payload, received_at,
                               encode(previous_hash, 'hex') AS previous_hash, encode(event_hash, 'hex') AS event_hash
                        FROM event_log WHERE """ + CONCERNS_PARTNER + """
                        ORDER BY global_index, event_id
                        LIMIT :limit OFFSET :offset""")
                .param("partnerId", partnerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(row).list();
    }

    long countConcerningPartner(String partnerId) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE " + CONCERNS_PARTNER)
                .param("partnerId", partnerId).query(Long.class).single();
    }

    long countByAggregate(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE aggregate_id = :aggregateId")
                .param("aggregateId", aggregateId).query(Long.class).single();
    }

    private JsonNode json(String text) {
        try {
            return text == null ? null : mapper.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException("event_log holds invalid JSON", e);
        }
    }
}

package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** {@code support_history}: one row per support event, written once. */
@Repository
class SupportHistoryRepository {

    private static final String COLUMNS = "event_id, opportunity_id, sequence_number, action, from_registration_id, "
            + "to_registration_id, from_partner_id, to_partner_id, reason_code, ruling_dispute_id, evidence_sha256, "
            + "note, at, actor_id";

    static final RowMapper<SupportHistoryEntry> ROW = (rs, n) -> new SupportHistoryEntry(
            rs.getString("event_id"),
            rs.getString("opportunity_id"),
            rs.getLong("sequence_number"),
            SupportHistoryEntry.Action.valueOf(rs.getString("action")),
            rs.getString("from_registration_id"),
            rs.getString("to_registration_id"),
            rs.getString("from_partner_id"),
            rs.getString("to_partner_id"),
            rs.getString("reason_code"),
            rs.getString("ruling_dispute_id"),
            rs.getString("evidence_sha256"),
            rs.getString("note"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor_id"));

    private final NamedParameterJdbcTemplate batch;

    SupportHistoryRepository(NamedParameterJdbcTemplate batch) {
        this.batch = batch;
    }

    void addAll(List<SupportHistoryEntry> entries) {
        ViewRows.writeAll(batch, "INSERT INTO support_history (" + COLUMNS + ") VALUES (:eventId, :opportunityId, "
                + ":sequenceNumber, :action, :fromRegistrationId, :toRegistrationId, :fromPartnerId, :toPartnerId, "
                + ":reasonCode, :rulingDisputeId, :evidenceSha256, :note, :at, :actorId) "
                + "ON CONFLICT (event_id) DO NOTHING", entries, e -> new MapSqlParameterSource()
                .addValue("eventId", e.eventId())
                .addValue("opportunityId", e.opportunityId())
                .addValue("sequenceNumber", e.sequenceNumber())
                .addValue("action", e.action().name())
                .addValue("fromRegistrationId", e.fromRegistrationId())
                .addValue("toRegistrationId", e.toRegistrationId())
                .addValue("fromPartnerId", e.fromPartnerId())
                .addValue("toPartnerId", e.toPartnerId())
                .addValue("reasonCode", e.reasonCode())
                .addValue("rulingDisputeId", e.rulingDisputeId())
                .addValue("evidenceSha256", e.evidenceSha256())
                .addValue("note", e.note())
                .addValue("at", Timestamp.from(e.at()))
                .addValue("actorId", e.actorId()));
    }
}

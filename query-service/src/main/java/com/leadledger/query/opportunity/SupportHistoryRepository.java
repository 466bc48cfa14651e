package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;

/** {@code support_history}: one row per support event, written once. */
@Repository
class SupportHistoryRepository {

    private static final ViewTable<SupportHistoryEntry> ROWS = ViewTable.<SupportHistoryEntry>of("support_history",
                    "event_id")
            .text("event_id", SupportHistoryEntry::eventId)
            .text("opportunity_id", SupportHistoryEntry::opportunityId)
            .bigint("sequence_number", SupportHistoryEntry::sequenceNumber)
            .name("action", SupportHistoryEntry::action)
            .text("from_registration_id", SupportHistoryEntry::fromRegistrationId)
            .text("to_registration_id", SupportHistoryEntry::toRegistrationId)
            .text("from_partner_id", SupportHistoryEntry::fromPartnerId)
            .text("to_partner_id", SupportHistoryEntry::toPartnerId)
            .text("reason_code", SupportHistoryEntry::reasonCode)
            .text("ruling_dispute_id", SupportHistoryEntry::rulingDisputeId)
            .text("evidence_sha256", SupportHistoryEntry::evidenceSha256)
            .text("note", SupportHistoryEntry::note)
            .timestamptz("at", SupportHistoryEntry::at)
            .text("actor_id", SupportHistoryEntry::actorId)
            .addingOnce();

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

    private final JdbcTemplate writes;

    SupportHistoryRepository(JdbcTemplate writes) {
        this.writes = writes;
    }

    /** Stores each entry unless one with its event id is stored (a redelivered event). */
    void addAll(List<SupportHistoryEntry> entries) {
        ROWS.writeAll(writes, entries);
    }

    /** Adds entries the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<SupportHistoryEntry> entries) {
        ROWS.copyAll(writes, entries);
    }
}

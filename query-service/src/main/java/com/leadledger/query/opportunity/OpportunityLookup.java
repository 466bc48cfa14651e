package com.leadledger.query.opportunity;

import com.leadledger.query.registration.RegistrationView;
import com.leadledger.query.registration.RegistrationViewRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An opportunity with its ranking and support history, read with one statement: the opportunity's row, its
 * registrations beside it as one JSON array, and one row per support decision. A statement reads one snapshot, so the
 * three agree without a transaction around three reads, and the lookup costs one round trip instead of about six.
 */
@Repository
class OpportunityLookup {

    /** The CTE is materialized so that the ranking is aggregated once, not once per support decision. */
    private static final String SQL = """
            WITH o AS MATERIALIZED (
                SELECT opportunity_id, customer_key, product_line, opened_at, supported_registration_id, updated_at,
                       last_event_id, %s AS registrations
                  FROM opportunity_view
                 WHERE opportunity_id = :id)
            SELECT o.*, h.event_id, h.sequence_number, h.action, h.from_registration_id, h.to_registration_id,
                   h.from_partner_id, h.to_partner_id, h.reason_code, h.ruling_dispute_id, h.evidence_sha256,
                   h.note, h.at, h.actor_id
              FROM o
              LEFT JOIN support_history h ON h.opportunity_id = o.opportunity_id
             ORDER BY h.sequence_number, h.at, h.event_id"""
            .formatted(RegistrationViewRepository.rankingOf("opportunity_view.opportunity_id"));

    private final JdbcClient jdbc;
    private final RegistrationViewRepository registrations;

    OpportunityLookup(JdbcClient jdbc, RegistrationViewRepository registrations) {
        this.jdbc = jdbc;
        this.registrations = registrations;
    }

    Optional<OpportunityResponse> find(String opportunityId) {
        return jdbc.sql(SQL).param("id", opportunityId).query(rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            OpportunityView opportunity = OpportunityViewRepository.ROW.mapRow(rs, 0);
            List<RegistrationView> ranking = registrations.readAll(rs.getString("registrations"));
            List<SupportHistoryEntry> history = new ArrayList<>();
            do {
                if (rs.getString("event_id") != null) {
                    history.add(SupportHistoryRepository.ROW.mapRow(rs, history.size()));
                }
            } while (rs.next());
            return Optional.of(OpportunityResponse.of(opportunity, ranking, history));
        });
    }
}

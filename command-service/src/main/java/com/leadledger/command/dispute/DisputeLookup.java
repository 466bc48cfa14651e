package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Command-side view of the disputes (dispute id → opportunity, parties, current level), written in the same
 * transaction as their events, so that the HTTP edge can answer 404 to a partner that is not a party and check that
 * named registrations fit the dispute. Reads the registration lookup for the same purpose.
 */
@Component
@ProcessingGroup("command-views")
class DisputeLookup {

    record Entry(String disputeId, String opportunityId, String complainantPartnerId, String respondentPartnerId,
                 int level) {

        boolean hasParty(String partnerId) {
            return partnerId != null
                    && (partnerId.equals(complainantPartnerId) || partnerId.equals(respondentPartnerId));
        }
    }

    record RegistrationRef(String registrationId, String opportunityId, String partnerId) {
    }

    private final JdbcClient jdbc;

    DisputeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String disputeId) {
        return jdbc.sql("""
                        SELECT dispute_id, opportunity_id, complainant_partner_id, respondent_partner_id, level
                        FROM dispute_lookup WHERE dispute_id = :id""")
                .param("id", disputeId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)))
                .optional();
    }

    Optional<RegistrationRef> registration(String registrationId) {
        return jdbc.sql("SELECT registration_id, opportunity_id, partner_id FROM registration_lookup "
                        + "WHERE registration_id = :id")
                .param("id", registrationId)
                .query((rs, n) -> new RegistrationRef(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Whether any registration was filed on the opportunity (by {@code partnerId}, unless it is null). */
    boolean hasRegistrationOn(String opportunityId, String partnerId) {
        var query = partnerId == null
                ? jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_lookup WHERE opportunity_id = :opportunityId)")
                : jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM registration_lookup
                                       WHERE opportunity_id = :opportunityId AND partner_id = :partnerId)""")
                .param("partnerId", partnerId);
        return query.param("opportunityId", opportunityId).query(Boolean.class).single();
    }

    @EventHandler
    void on(DisputeOpened event) {
        jdbc.sql("""
                        INSERT INTO dispute_lookup (dispute_id, opportunity_id, complainant_partner_id, level)
                        VALUES (:id, :opportunityId, :complainant, :level) ON CONFLICT (dispute_id) DO NOTHING""")
                .param("id", event.disputeId())
                .param("opportunityId", event.opportunityId())
                .param("complainant", event.complainantPartnerId())
                .param("level", event.level())
                .update();
    }

    @EventHandler
    void on(DisputeRespondentLinked event) {
        jdbc.sql("UPDATE dispute_lookup SET respondent_partner_id = :respondent WHERE dispute_id = :id")
                .param("id", event.disputeId())
                .param("respondent", event.respondentPartnerId())
                .update();
    }

    @EventHandler
    void on(DisputeEscalated event) {
        updateLevel(event.disputeId(), event.level());
    }

    @EventHandler
    void on(DisputeAppealed event) {
        updateLevel(event.disputeId(), event.level());
    }

    private void updateLevel(String disputeId, int level) {
        jdbc.sql("UPDATE dispute_lookup SET level = :level WHERE dispute_id = :id")
                .param("id", disputeId)
                .param("level", level)
                .update();
    }
}

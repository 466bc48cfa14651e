package com.leadledger.command.registration;

import com.leadledger.events.registration.RegistrationSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * registration id → (opportunity id, owner), written in the same transaction as {@link RegistrationSubmitted} so
 * that commands addressed by registration id always find their opportunity.
 */
@Component
@ProcessingGroup("command-views")
class RegistrationLookup {

    record Entry(String registrationId, String opportunityId, String partnerId) {
    }

    private final JdbcClient jdbc;

    RegistrationLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationSubmitted event) {
        jdbc.sql("""
                        INSERT INTO registration_lookup (registration_id, opportunity_id, partner_id)
                        VALUES (:registrationId, :opportunityId, :partnerId)
                        ON CONFLICT (registration_id) DO NOTHING""")
                .param("registrationId", event.registrationId())
                .param("opportunityId", event.opportunityId())
                .param("partnerId", event.partnerId())
                .update();
    }

    Optional<Entry> find(String registrationId) {
        return jdbc.sql("SELECT registration_id, opportunity_id, partner_id FROM registration_lookup "
                        + "WHERE registration_id = :id")
                .param("id", registrationId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}

package com.leadledger.command.registration;

import com.leadledger.events.registration.RegistrationSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * registration id → (opportunity id, owner), written in the same transaction as {@link RegistrationSubmitted} so
 * that commands addressed by registration id always find their opportunity.
 */
@Component
@ProcessingGroup("command-views")
public class RegistrationLookup implements RegistrationDirectory {

    private final JdbcClient jdbc;

    RegistrationLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationSubmitted event, @MessageIdentifier String eventId) {
        jdbc.sql("""
                        INSERT INTO registration_lookup (registration_id, opportunity_id, partner_id, event_id)
                        VALUES (:registrationId, :opportunityId, :partnerId, :eventId)
                        ON CONFLICT (registration_id) DO NOTHING""")
                .param("eventId", eventId)
                .param("registrationId", event.registrationId())
                .param("opportunityId", event.opportunityId())
                .param("partnerId", event.partnerId())
                .update();
    }

    @Override
    public Optional<FiledOn> find(String registrationId) {
        return jdbc.sql("SELECT registration_id, opportunity_id, partner_id FROM registration_lookup "
                        + "WHERE registration_id = :id")
                .param("id", registrationId)
                .query((rs, n) -> new FiledOn(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public Optional<String> opportunityOf(String registrationId) {
        return find(registrationId).map(FiledOn::opportunityId);
    }

    @Override
    public boolean hasRegistrationOn(String opportunityId, String partnerId) {
        var query = partnerId == null
                ? jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_lookup WHERE opportunity_id = :opportunityId)")
                : jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM registration_lookup
                                       WHERE opportunity_id = :opportunityId AND partner_id = :partnerId)""")
                .param("partnerId", partnerId);
        return query.param("opportunityId", opportunityId).query(Boolean.class).single();
    }

    /** The id of the registration's stored RegistrationSubmitted event. */
    public Optional<String> submissionEventId(String registrationId) {
        return jdbc.sql("SELECT event_id FROM registration_lookup WHERE registration_id = :id AND event_id IS NOT NULL")
                .param("id", registrationId)
                .query(String.class)
                .optional();
    }

    /** The hash the event store computed for the registration's RegistrationSubmitted event (hex). */
    public Optional<String> submissionEventHash(String registrationId) {
        return jdbc.sql("""
                        SELECT encode(e.event_hash, 'hex') FROM registration_lookup l
                        JOIN domainevententry e ON e.eventidentifier = l.event_id
                        WHERE l.registration_id = :id""")
                .param("id", registrationId)
                .query(String.class)
                .optional();
    }
}

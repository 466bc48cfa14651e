package com.leadledger.command.program.points;

import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link EligibleRegistrations} from the table {@code points_registration}, written in the events' transaction. */
@Component
@ProcessingGroup("command-views")
class PointsRegistrations implements EligibleRegistrations {

    private final JdbcClient jdbc;

    PointsRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationApproved event) {
        set(event.registrationId(), event.partnerId(), true);
    }

    @EventHandler
    void on(RegistrationRevocationReversed event) {
        set(event.registrationId(), event.partnerId(), event.status() == RegistrationStatus.APPROVED);
    }

    @EventHandler
    void on(RegistrationWon event) {
        set(event.registrationId(), event.partnerId(), false);
    }

    @EventHandler
    void on(RegistrationLost event) {
        set(event.registrationId(), event.partnerId(), false);
    }

    @EventHandler
    void on(RegistrationExpired event) {
        set(event.registrationId(), event.partnerId(), false);
    }

    @EventHandler
    void on(RegistrationWithdrawn event) {
        set(event.registrationId(), event.partnerId(), false);
    }

    @EventHandler
    void on(RegistrationRevoked event) {
        set(event.registrationId(), event.partnerId(), false);
    }

    private void set(String registrationId, String partnerId, boolean approved) {
        jdbc.sql("""
                        INSERT INTO points_registration (registration_id, partner_id, approved)
                        VALUES (:registrationId, :partnerId, :approved)
                        ON CONFLICT (registration_id) DO UPDATE SET approved = EXCLUDED.approved""")
                .param("registrationId", registrationId)
                .param("partnerId", partnerId)
                .param("approved", approved)
                .update();
    }

    @Override
    public boolean isApprovedRegistrationOf(String registrationId, String partnerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM points_registration WHERE registration_id = :registrationId "
                        + "AND partner_id = :partnerId AND approved)")
                .param("registrationId", registrationId)
                .param("partnerId", partnerId)
                .query(Boolean.class).single();
    }
}

package com.leadledger.events.registration;

import java.time.Instant;

/** The owning partner withdrew its registration; it no longer competes for the opportunity. */
public record RegistrationWithdrawn(
        String opportunityId,
        String registrationId,
        String partnerId,
        String reason,
        Instant withdrawnAt) implements RegistrationEvent {
}

package com.leadledger.events.registration;

import java.time.Instant;

/** The review SLA passed without a decision: the registration moves up to {@code level} (2 director, 3 committee). */
public record ReviewEscalated(
        String opportunityId,
        String registrationId,
        int level,
        Instant reviewDueAt,
        Instant escalatedAt,
        long policyVersion) implements RegistrationEvent {
}

package com.leadledger.events.registration;

import java.time.Instant;

/** The review clock of a registration started at escalation {@code level}: staff should decide by {@code reviewDueAt}. */
public record ReviewSlaStarted(
        String opportunityId,
        String registrationId,
        int level,
        Instant reviewDueAt,
        Instant startedAt,
        long policyVersion) implements RegistrationEvent {
}

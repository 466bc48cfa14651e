package com.leadledger.events.registration;

import java.time.Instant;

/** The earlier registrations ahead of this one are no longer active: staff may now approve it. */
public record RegistrationBecameReviewable(
        String opportunityId,
        String registrationId,
        String partnerId,
        Instant reviewDueAt,
        Instant becameReviewableAt,
        long policyVersion) implements RegistrationEvent {
}

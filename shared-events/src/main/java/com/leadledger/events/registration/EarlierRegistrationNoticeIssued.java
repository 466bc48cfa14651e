package com.leadledger.events.registration;

import java.time.Instant;

/**
 * The anonymous notice to a partner whose registration ranks behind an approved earlier registration of another
 * partner: "an earlier registration by another partner exists for this opportunity (registered at …)".
 */
public record EarlierRegistrationNoticeIssued(
        String opportunityId,
        String registrationId,
        String partnerId,
        Instant earlierRegisteredAt,
        Instant issuedAt) implements RegistrationEvent {
}

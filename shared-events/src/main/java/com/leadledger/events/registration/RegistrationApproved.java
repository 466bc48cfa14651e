package com.leadledger.events.registration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Channel staff approved the registration: it is protected until {@code protectedUntil} with a deal discount.
 * {@code rulingDisputeId} is set when an arbitration ruling allowed approval ahead of an earlier registration.
 */
public record RegistrationApproved(
        String opportunityId,
        String registrationId,
        String partnerId,
        BigDecimal discountPercent,
        int protectionDays,
        Instant protectedUntil,
        String note,
        String rulingDisputeId,
        Instant approvedAt,
        long policyVersion) implements RegistrationEvent {
}

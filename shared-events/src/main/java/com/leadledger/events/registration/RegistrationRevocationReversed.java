package com.leadledger.events.registration;

import java.time.Instant;

/**
 * An appeal decision reversed the revocation ordered by dispute {@code disputeId}: the registration is
 * {@code APPROVED} again with its former {@code protectedUntil} when that is still in the future, otherwise
 * {@code EXPIRED}.
 *
 * @param status APPROVED or EXPIRED
 */
public record RegistrationRevocationReversed(
        String opportunityId,
        String registrationId,
        String partnerId,
        String disputeId,
        RegistrationStatus status,
        Instant protectedUntil,
        Instant reversedAt) implements RegistrationEvent {
}

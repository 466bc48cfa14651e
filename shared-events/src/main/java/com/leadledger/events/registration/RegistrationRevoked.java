package com.leadledger.events.registration;

import java.time.Instant;

/**
 * An upheld dispute revoked the approved registration's protection: it is {@code REVOKED} and leaves the competition
 * as an expiry would (the next active registration in line may become reviewable). Vendor support is not moved by
 * this: {@code heldSupport} tells staff that the registration still holds it and that they must decide where it goes.
 *
 * @param protectedUntil the protection end it had, kept so that a reversal on appeal can restore it
 */
public record RegistrationRevoked(
        String opportunityId,
        String registrationId,
        String partnerId,
        String disputeId,
        Instant protectedUntil,
        boolean heldSupport,
        Instant revokedAt) implements RegistrationEvent {
}

package com.leadledger.events.registration;

import java.time.Instant;

/** Protection ended at {@code protectedUntil} without an outcome. */
public record RegistrationExpired(String opportunityId, String registrationId, String partnerId, Instant expiredAt) implements RegistrationEvent {
}

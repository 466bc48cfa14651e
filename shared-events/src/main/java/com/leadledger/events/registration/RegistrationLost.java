package com.leadledger.events.registration;

import java.time.Instant;

public record RegistrationLost(String opportunityId, String registrationId, String partnerId, String reason,
                               Instant reportedAt) implements RegistrationEvent {
}

package com.leadledger.events.registration;

import java.time.Instant;

public record ExtensionRequested(
        String opportunityId,
        String registrationId,
        String extensionRequestId,
        String partnerId,
        String reason,
        int days,
        Instant requestedAt) implements RegistrationEvent {
}

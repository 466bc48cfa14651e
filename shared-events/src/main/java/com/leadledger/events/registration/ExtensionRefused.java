package com.leadledger.events.registration;

import java.time.Instant;

public record ExtensionRefused(
        String opportunityId,
        String registrationId,
        String extensionRequestId,
        String partnerId,
        String note,
        Instant refusedAt,
        long policyVersion) implements RegistrationEvent {
}

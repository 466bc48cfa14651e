package com.leadledger.events.registration;

import java.time.Instant;

public record ExtensionGranted(
        String opportunityId,
        String registrationId,
        String extensionRequestId,
        String partnerId,
        int days,
        Instant protectedUntil,
        String note,
        Instant grantedAt,
        long policyVersion) implements RegistrationEvent {
}

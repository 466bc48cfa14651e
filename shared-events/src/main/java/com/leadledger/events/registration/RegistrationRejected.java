package com.leadledger.events.registration;

import java.time.Instant;

/**
 * Channel staff rejected the registration. {@code earlierRegisteredAt} is set when an earlier active registration of
 * another partner existed: the only thing the rejected partner may learn about it.
 */
public record RegistrationRejected(
        String opportunityId,
        String registrationId,
        String partnerId,
        RejectionReason reasonCode,
        String note,
        Instant earlierRegisteredAt,
        Instant rejectedAt,
        long policyVersion) implements RegistrationEvent {
}

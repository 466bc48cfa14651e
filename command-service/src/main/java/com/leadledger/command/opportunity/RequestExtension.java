package com.leadledger.command.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner asks for more protection time; {@code days} is null for the policy's maximum. */
public record RequestExtension(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        String extensionRequestId,
        String partnerId,
        String reason,
        Integer days,
        long policyVersion) {
}

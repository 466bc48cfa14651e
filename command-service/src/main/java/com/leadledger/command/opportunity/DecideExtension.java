package com.leadledger.command.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff grant or refuse a pending extension request. */
public record DecideExtension(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        String extensionRequestId,
        boolean grant,
        String note,
        long policyVersion) {
}

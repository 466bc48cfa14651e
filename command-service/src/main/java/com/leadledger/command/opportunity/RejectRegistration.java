package com.leadledger.command.opportunity;

import com.leadledger.events.registration.RejectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectRegistration(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        RejectionReason reasonCode,
        String note,
        long policyVersion) {
}

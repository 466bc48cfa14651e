package com.leadledger.command.opportunity;

import com.leadledger.events.opportunity.SupportReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant, move or withdraw vendor support on an opportunity. */
public record ChangeSupport(
        @TargetAggregateIdentifier String opportunityId,
        Action action,
        String registrationId,
        SupportReason reasonCode,
        String rulingDisputeId,
        String evidenceSha256,
        String note,
        long policyVersion) {

    public enum Action { GRANT, MOVE, WITHDRAW }
}

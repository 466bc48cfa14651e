package com.leadledger.command.support;

import com.leadledger.events.opportunity.SupportReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grant, move or withdraw vendor support on an opportunity. Which members an action needs, and whether the reason
 * given for leaving a registration holds, is checked by the opportunity.
 */
public record ChangeSupport(
        @TargetAggregateIdentifier String opportunityId,
        Action action,
        String registrationId,
        SupportReason reasonCode,
        String rulingDisputeId,
        String evidenceSha256,
        String note) {

    public enum Action { GRANT, MOVE, WITHDRAW }

    /** The policy version the decision applied. */
    public record Result(long policyVersion) {
    }
}

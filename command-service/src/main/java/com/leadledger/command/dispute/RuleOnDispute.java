package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A staff member ({@code decidedBy}, acting as {@code actingRole}) rules on the dispute under policy
 * {@code policyVersion}. The effects are allowed only with {@link DisputeOutcome#UPHELD};
 * {@code rightfulRegistrationId} was checked to be a registration of the dispute's opportunity.
 */
public record RuleOnDispute(
        @TargetAggregateIdentifier String disputeId,
        String decidedBy,
        Role actingRole,
        DisputeOutcome outcome,
        String rationale,
        String rightfulRegistrationId,
        boolean revokeRespondentProtection,
        int penaltyPoints,
        long policyVersion) {
}

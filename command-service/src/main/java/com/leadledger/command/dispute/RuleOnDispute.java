package com.leadledger.command.dispute;

import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * A staff member ({@code decidedBy}) rules on the dispute; only one holding the current level's decider role may.
 * The effects are allowed only with {@link DisputeOutcome#UPHELD}; {@code rightfulRegistrationId} must be a
 * registration of the dispute's opportunity. {@code rationale} stays with staff and auditors; the parties see only
 * {@code partyStatement} (optional).
 */
public record RuleOnDispute(
        @TargetAggregateIdentifier String disputeId,
        String decidedBy,
        Set<Role> deciderRoles,
        DisputeOutcome outcome,
        String rationale,
        String rightfulRegistrationId,
        boolean revokeRespondentProtection,
        int penaltyPoints,
        String partyStatement) {
}

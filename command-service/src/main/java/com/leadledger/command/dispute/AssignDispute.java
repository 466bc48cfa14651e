package com.leadledger.command.dispute;

import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A decider of the current level ({@code actingRole}) assigns the dispute to a staff member of that level. */
public record AssignDispute(
        @TargetAggregateIdentifier String disputeId,
        String assignee,
        String assignedBy,
        Role actingRole) {
}

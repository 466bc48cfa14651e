package com.leadledger.command.dispute;

import com.leadledger.kit.domain.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** A staff member holding the current level's decider role assigns the dispute to a staff member of that level. */
public record AssignDispute(
        @TargetAggregateIdentifier String disputeId,
        String assignee,
        String assignedBy,
        Set<Role> assignerRoles) {
}

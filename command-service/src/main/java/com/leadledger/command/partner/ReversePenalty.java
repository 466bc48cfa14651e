package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An appeal decision lifts the penalty of dispute {@code disputeId}. Idempotent: no penalty in force, no event. */
public record ReversePenalty(@TargetAggregateIdentifier String partnerId, String disputeId) {
}

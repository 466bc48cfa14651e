package com.leadledger.command.program.points;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Gives back what the penalty of dispute {@code disputeId} took, because the penalty was reversed. */
record RestorePenaltyPoints(@TargetAggregateIdentifier String ledgerId, String partnerId, String causationId,
                            String disputeId, Instant reversedAt, long policyVersion) {
}

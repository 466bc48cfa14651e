package com.leadledger.command.program.points;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Takes points for the penalty points a ruling gave, under the policy in force when the partner was penalized. */
record DeductPenaltyPoints(@TargetAggregateIdentifier String ledgerId, String partnerId, String causationId,
                           String disputeId, int penaltyPoints, Instant penalizedAt, long policyVersion) {
}

package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Evaluate the partner's tier qualification as part of the qualification run {@code runId} at {@code runAt}. */
public record EvaluateTierQualification(@TargetAggregateIdentifier String partnerId, String evaluationId,
                                        String runId, Instant runAt) {
}

package com.leadledger.console.audit;

import java.time.Instant;

/**
 * A decision on the opportunity and what the decider saw: the opportunity just before it ({@code before}), who
 * decided in which role, under which policy version.
 */
public record DecisionContext(String eventId, String eventType, Instant at, String actorId, String actorRole,
                              Long policyVersion, String registrationId, String disputeId, OpportunityAsOf before) {
}

package com.leadledger.events.dispute;

import java.time.Instant;

/**
 * A party appealed the ruling within the policy's window: the dispute reopens one level up ({@code level} 3 stays 3 and
 * is heard by a new committee panel) with that level's SLA.
 *
 * @param byPartnerId the appealing partner (the complainant or the respondent)
 */
public record DisputeAppealed(
        String disputeId,
        String byPartnerId,
        String reason,
        int fromLevel,
        int level,
        Instant slaDueAt,
        Instant at,
        long policyVersion) implements DisputeEvent {
}

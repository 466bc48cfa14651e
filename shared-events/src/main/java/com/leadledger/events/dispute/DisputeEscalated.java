package com.leadledger.events.dispute;

import java.time.Instant;

/**
 * The dispute moved up the arbitration ladder from {@code fromLevel} to {@code level} (2 channel director,
 * 3 arbitration committee): automatically when the SLA of {@code fromLevel} passed without a ruling ({@code at} is
 * then that SLA's due time and {@code reason} is null), or because a party or staff member asked, with a reason.
 * Any assignment ends; {@code slaDueAt} is the new level's SLA.
 *
 * @param escalatedByPartnerId the party that asked; null when staff asked or the SLA passed (and in events recorded
 *                             before parties' escalations were told apart)
 */
public record DisputeEscalated(
        String disputeId,
        int fromLevel,
        int level,
        String reason,
        boolean automatic,
        Instant slaDueAt,
        Instant at,
        long policyVersion,
        String escalatedByPartnerId) implements DisputeEvent {
}

package com.leadledger.query.dispute;

import com.leadledger.events.dispute.DisputeType;

import java.time.Instant;

/**
 * A line of the arbitration queue (staff).
 *
 * @param ageSeconds  since the dispute was opened: until now while open, until the last ruling once closed
 * @param age         the same as an ISO-8601 duration
 * @param slaBreached whether the dispute is open and its level's SLA has passed (automatic escalation follows, except
 *                    at level 3, the top of the ladder)
 */
record DisputeQueueItem(
        String disputeId,
        DisputeType type,
        DisputeView.Status status,
        int level,
        String opportunityId,
        String complainantPartnerId,
        String respondentPartnerId,
        String assignee,
        boolean appealed,
        Instant openedAt,
        long ageSeconds,
        String age,
        Instant slaDueAt,
        boolean slaBreached) {

    static DisputeQueueItem of(DisputeView v, DisputeClock clock) {
        return new DisputeQueueItem(v.disputeId(), v.type(), v.status(), v.level(), v.opportunityId(),
                v.complainantPartnerId(), v.respondent() == null ? null : v.respondent().partnerId(), v.assignee(),
                v.appealed(), v.openedAt(), clock.age(v).toSeconds(), clock.age(v).toString(), v.slaDueAt(),
                clock.breached(v));
    }
}

package com.leadledger.console.dispute;

import java.time.Instant;

/** A line of the arbitration queue as the query service gives it to staff: open first, most urgent first. */
public record QueueItem(String disputeId, String type, String status, int level, String opportunityId,
                        String complainantPartnerId, String respondentPartnerId, String assignee, boolean appealed,
                        Instant openedAt, long ageSeconds, Instant slaDueAt, boolean slaBreached) {
}

package com.leadledger.command.dispute;

import java.time.Instant;

/**
 * Payload of the persistent SLA deadline of one dispute at one level; stale once the dispute was ruled, escalated or
 * appealed since (its level or due time differs).
 */
record DisputeSlaDeadline(String disputeId, int level, Instant dueAt) {

    static final String NAME = "dispute-sla";
}

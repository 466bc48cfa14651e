package com.leadledger.query.deadletter;

/** Where a dead letter stands. */
enum DeadLetterStatus {
    /** Failed to apply; first in its aggregate's line (or alone). Waits for an operator's retry. */
    PARKED,
    /** Stored in event_log, not yet applied: an earlier event of its aggregate is parked. Follows it on retry. */
    QUEUED,
    /** Applied by a retry; kept as a record of what happened. */
    RESOLVED
}

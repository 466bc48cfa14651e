package com.leadledger.console.audit;

import java.time.Instant;

/**
 * The query side's copy compared with the event store: IN_SYNC, LAGGING, DIVERGENT or UNAVAILABLE; over the whole copy
 * (scope FULL) or over the events after global index {@code readAfter} (INCREMENTAL).
 */
public record Reconciliation(String state, boolean divergent, Instant checkedAt, Side command, Side copy,
                             long inFlight, Verification.CheckpointCheck checkpoints, String detail, String scope,
                             long readAfter) {

    public record Side(long events, long maxGlobalIndex) {
    }
}

package com.leadledger.console.audit;

import java.time.Instant;

/** The query side's copy compared with the event store: IN_SYNC, LAGGING, DIVERGENT or UNAVAILABLE. */
public record Reconciliation(String state, boolean divergent, Instant checkedAt, Side command, Side copy,
                             long inFlight, Verification.CheckpointCheck checkpoints, String detail) {

    public record Side(long events, long maxGlobalIndex) {
    }
}

package com.leadledger.console.audit;

import java.time.Instant;

/**
 * A verification of the query side's copy of the history, as the API reports it: the job with its progress, and
 * once done its result.
 */
public record Verification(String id, String scope, String state, String phase, long eventsDone, long eventsTotal,
                           Instant startedAt, Instant finishedAt, Result result, String error) {

    public boolean isRunning() {
        return "QUEUED".equals(state) || "RUNNING".equals(state);
    }

    /** Percent done, 0 to 100, for the progress bar. */
    public int percent() {
        if (!isRunning()) {
            return 100;
        }
        return eventsTotal <= 0 ? 0 : (int) Math.min(100, eventsDone * 100 / eventsTotal);
    }

    /** The verdict: every chain and (for the whole copy) every checkpoint re-computed, or the first break. */
    public record Result(String scope, boolean intact, long streams, long events, long unverifiable,
                         ChainBreak firstBreak, Instant verifiedAt, long durationMs, CheckpointCheck checkpoints) {
    }

    public record ChainBreak(String streamId, long sequenceNumber, String eventId, String kind, String expected,
                             String found) {
    }

    /** The checkpoints re-computed over the copy. */
    public record CheckpointCheck(String status, long checkpoints, long verified, long coveredUpTo,
                                  long uncoveredEvents, String detail) {
    }
}

package com.leadledger.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a projection rebuild stands.
 *
 * @param eventsTotal events in the log when the rebuild started (events arriving meanwhile are added as they are
 *                    caught up)
 * @param eventsPerSecond the average rate so far
 * @param error       why it failed; null unless FAILED
 */
record RebuildStatus(String rebuildId, State state, List<String> tables, long eventsDone, long eventsTotal,
                            double eventsPerSecond, Instant startedAt, Instant finishedAt, String error) {

    public enum State {
        /** Replaying the log into shadow tables while reads are served from the current ones. */
        REPLAYING,
        /** Ingest paused briefly: last events caught up, shadow tables swapped in. */
        SWAPPING,
        DONE,
        /** The current tables are untouched; the shadow tables were dropped. */
        FAILED
    }

    static RebuildStatus started(String id, List<String> tables, long total, Instant now) {
        return new RebuildStatus(id, State.REPLAYING, tables, 0, total, 0, now, null, null);
    }

    RebuildStatus progressed(long done, long total, Instant now) {
        return new RebuildStatus(rebuildId, state, tables, done, total, rate(done, now), startedAt, null, null);
    }

    RebuildStatus in(State next, Instant now) {
        boolean over = next == State.DONE || next == State.FAILED;
        return new RebuildStatus(rebuildId, next, tables, eventsDone, eventsTotal, rate(eventsDone, now), startedAt,
                over ? now : null, null);
    }

    RebuildStatus failed(String why, Instant now) {
        return new RebuildStatus(rebuildId, State.FAILED, tables, eventsDone, eventsTotal, rate(eventsDone, now),
                startedAt, now, why);
    }

    boolean running() {
        return state == State.REPLAYING || state == State.SWAPPING;
    }

    private double rate(long done, Instant now) {
        double seconds = Math.max(Duration.between(startedAt, now).toMillis(), 1) / 1000.0;
        return Math.round(done / seconds * 10) / 10.0;
    }
}

package com.leadledger.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress lines of a long phase on stdout (through the log): done so far of the target, the recent and the average
 * rate and the time left at the recent rate, at most once per interval; callers report from any thread.
 */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final String what;
    private final long start;
    private final long target;
    private final long intervalNanos;
    private final long t0 = System.nanoTime();
    private final AtomicLong lastReport = new AtomicLong(t0);
    private volatile long lastDone;

    /**
     * @param start  what was already done before this phase (counts toward the target, not toward the rate)
     * @param target what the phase reaches
     */
    Progress(String what, long start, long target, double intervalSeconds) {
        this.what = what;
        this.start = start;
        this.target = target;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.lastDone = start;
    }

    /** Tells of the total done so far; prints a line when the interval has passed since the last one. */
    void at(long done, long failed) {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last < intervalNanos || !lastReport.compareAndSet(last, now)) {
            return;
        }
        double recent = (done - lastDone) / ((now - last) / 1e9);
        double average = (done - start) / ((now - t0) / 1e9);
        lastDone = done;
        log.info("{}: {} of {} ({} %), {}/s now, {}/s on average, {} failed, ETA {}", what, done, target,
                Stats.round(100.0 * done / target, 1), Stats.round(recent, 1), Stats.round(average, 1), failed,
                eta(target - done, recent > 0 ? recent : average));
    }

    /** The time to do the rest at the given rate, as 1h02m03s; "unknown" without a rate. */
    static String eta(long remaining, double perSecond) {
        if (remaining <= 0) {
            return "0s";
        }
        if (!(perSecond > 0)) {
            return "unknown";
        }
        Duration d = Duration.ofSeconds((long) Math.ceil(remaining / perSecond));
        return (d.toHours() > 0 ? d.toHours() + "h" : "") + String.format("%02dm%02ds", d.toMinutesPart(), d.toSecondsPart());
    }
}

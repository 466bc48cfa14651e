package com.leadledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When scenario 3 reads a watched registration again after a 404. A fixed interval makes the reads grow with the lag
 * they measure (a registration readable after 500 ms is read a hundred times at 5 ms), so a slow round is slowed
 * further by its own reads. The back-off waits a share of the time since the 201 instead, at least {@code minMillis}
 * and at most {@code maxMillis}: a registration is read about {@code 1 / share} times per tenfold of its lag, and the
 * first 200 comes at most that share (or {@code maxMillis}) after the registration became readable.
 *
 * @param minMillis   the first interval and the shortest
 * @param share       the interval as a share of the time since the 201; 0 reads every {@code minMillis}
 * @param maxMillis   the longest interval
 */
record ProbeSchedule(int minMillis, double share, int maxMillis) {

    ProbeSchedule {
        if (minMillis < 1 || share < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("poll-millis, poll-backoff-percent, poll-max-millis: " + minMillis + " ms, "
                    + Math.round(share * 100) + " %, " + maxMillis + " ms (poll-millis at least 1, poll-backoff-percent "
                    + "not negative, poll-max-millis not below poll-millis)");
        }
    }

    static ProbeSchedule fixed(int millis) {
        return new ProbeSchedule(millis, 0, millis);
    }

    boolean isFixed() {
        return share == 0 || minMillis == maxMillis;
    }

    long nextReadAfterMillis(long millisSince201) {
        return Math.min(maxMillis, Math.max(minMillis, Math.round(millisSince201 * share)));
    }

    /** How late a first 200 can be, as reported with the results. */
    String resolution() {
        return isFixed()
                ? "a watched registration is read every " + minMillis + " ms"
                : "a watched registration is read again after " + Math.round(share * 100) + " % of the time since "
                        + "its 201, at least " + minMillis + " ms and at most " + maxMillis + " ms";
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minMillis", minMillis);
        m.put("share", share);
        m.put("maxMillis", maxMillis);
        return m;
    }
}

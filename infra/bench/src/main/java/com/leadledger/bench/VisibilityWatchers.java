package com.leadledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads every watchEvery-th accepted registration on the query service until it answers 200, at the times its
 * {@link ProbeSchedule} gives.
 */
final class VisibilityWatchers {

    /** A watched registration not readable after this long counts as this long. */
    static final int TIMEOUT_SECONDS = 30;

    private final BenchConfig config;
    private final Load load;
    private final ProbeSchedule schedule;
    final ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
    final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger pending = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicLong seen = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    /** registrationId -> {201 received, first 200 on the query side} in epoch ms (for the stage breakdown). */
    final Map<String, long[]> wall = new ConcurrentHashMap<>();

    VisibilityWatchers(Harness harness, ProbeSchedule schedule) {
        this.config = harness.config;
        this.load = harness.load;
        this.schedule = schedule;
    }

    void accepted(Load.Registration reg) {
        if (seen.incrementAndGet() % config.watchEvery() != 0) {
            return;
        }
        String id = reg.answer().field("registrationId");
        String token = load.partnerTokens.get(reg.partner());
        long ack = reg.answer().doneNanos();
        long ackWall = System.currentTimeMillis() - (System.nanoTime() - ack) / 1_000_000;
        pending.incrementAndGet();
        pool.execute(new Runnable() {
            @Override
            public void run() {
                reads.incrementAndGet();
                Load.Answer a = load.get(load.queryUrl + "/api/v1/registrations/" + id, token);
                long age = System.nanoTime() - ack;
                if (a.status() == 200) {
                    lags.add(a.doneNanos() - ack);
                    wall.put(id, new long[]{ackWall, System.currentTimeMillis()});
                    pending.decrementAndGet();
                } else if (age > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)) {
                    // counted at the timeout: percentiles then are lower bounds (flagged in the results)
                    lags.add(TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
                    timedOut.incrementAndGet();
                    pending.decrementAndGet();
                } else {
                    pool.schedule(this, schedule.nextReadAfterMillis(TimeUnit.NANOSECONDS.toMillis(age)),
                            TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    void awaitAll() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS + 10);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pool.shutdownNow();
    }

    long[] lags() {
        synchronized (lags) {
            return lags.stream().mapToLong(Long::longValue).toArray();
        }
    }
}

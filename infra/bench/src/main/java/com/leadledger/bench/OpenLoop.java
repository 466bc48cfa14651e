package com.leadledger.bench;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Registrations sent at a fixed rate whatever the answers' speed (open loop, 128 sender threads); each latency is
 * measured from the request's intended send time, so queueing behind slow answers counts (no coordinated omission).
 */
final class OpenLoop {

    final long[] latencies;
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final int sent;
    final double seconds;

    private OpenLoop(int sent, double seconds) {
        this.latencies = new long[sent];
        this.sent = sent;
        this.seconds = seconds;
    }

    /** @param accepted told of every accepted registration, or null */
    static OpenLoop run(Load load, int rate, double seconds, Consumer<Load.Registration> accepted) {
        int total = (int) Math.round(rate * seconds);
        long interval = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(128);
        long[] latencies = new long[total];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long intended = t0 + i * interval;
            waitUntil(intended);
            pool.execute(() -> {
                Load.Registration reg = load.register();
                if (reg.accepted()) {
                    latencies[count.getAndIncrement()] = reg.answer().doneNanos() - intended;
                    if (accepted != null) {
                        accepted.accept(reg);
                    }
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OpenLoop done = new OpenLoop(total, (System.nanoTime() - t0) / 1e9);
        System.arraycopy(latencies, 0, done.latencies, 0, count.get());
        done.count.set(count.get());
        done.failed.set(failed.get());
        return done;
    }

    /** Parks until {@code System.nanoTime()} reaches the given time. */
    static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    double p(double q) {
        long[] v = new long[count.get()];
        System.arraycopy(latencies, 0, v, 0, v.length);
        return Stats.percentileMs(v, q);
    }

    double achievedRate() {
        return count.get() / seconds;
    }

    Map<String, Object> describe(int round) {
        return Map.of("round", round, "sent", sent, "accepted", count.get(), "failed", failed.get(),
                "p50Ms", Stats.round(p(50), 2), "p99Ms", Stats.round(p(99), 2),
                "achievedRate", Stats.round(achievedRate(), 1));
    }
}

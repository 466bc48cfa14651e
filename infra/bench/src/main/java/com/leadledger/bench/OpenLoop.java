package com.leadledger.bench;

import java.util.Arrays;
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
    /** Each request's latency by its place in the sending order; -1 for a request not accepted. */
    private final long[] bySendOrder;
    private final int rate;

    private OpenLoop(int sent, double seconds, long[] bySendOrder, int rate) {
        this.latencies = new long[sent];
        this.sent = sent;
        this.seconds = seconds;
        this.bySendOrder = bySendOrder;
        this.rate = rate;
    }

    /** @param accepted told of every accepted registration, or null */
    static OpenLoop run(Load load, int rate, double seconds, Consumer<Load.Registration> accepted) {
        int total = (int) Math.round(rate * seconds);
        long interval = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(128);
        long[] latencies = new long[total];
        long[] bySendOrder = new long[total];
        Arrays.fill(bySendOrder, -1);
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long intended = t0 + i * interval;
            int place = i;
            waitUntil(intended);
            pool.execute(() -> {
                Load.Registration reg = load.register();
                if (reg.accepted()) {
                    long latency = reg.answer().doneNanos() - intended;
                    latencies[count.getAndIncrement()] = latency;
                    bySendOrder[place] = latency;
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
        OpenLoop done = new OpenLoop(total, (System.nanoTime() - t0) / 1e9, bySendOrder, rate);
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

    /**
     * Where in the round the slowest requests were sent: for each second of the round, how many of its requests took
     * longer than the round's p99. A tail at the round's start reads differently from one spread over it.
     */
    int[] overP99BySecond() {
        double p99Nanos = p(99) * 1_000_000;
        int[] bySecond = new int[(sent + rate - 1) / rate];
        for (int i = 0; i < sent; i++) {
            if (bySendOrder[i] > p99Nanos) {
                bySecond[i / rate]++;
            }
        }
        return bySecond;
    }

    Map<String, Object> describe(int round) {
        return Map.of("round", round, "sent", sent, "accepted", count.get(), "failed", failed.get(),
                "p50Ms", Stats.round(p(50), 2), "p99Ms", Stats.round(p(99), 2),
                "achievedRate", Stats.round(achievedRate(), 1), "overP99BySecond", overP99BySecond());
    }
}

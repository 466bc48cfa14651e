package com.leadledger.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Registrations sent at a fixed rate whatever the answers' speed (open loop, 128 sender threads); each latency is
 * measured from the request's intended send time, so queueing behind slow answers counts (no coordinated omission).
 */
final class OpenLoop {

    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final int sent;
    final double seconds;
    /** Each request's latency by its place in the sending order; -1 for a request not accepted. */
    private final long[] latencies;
    private final int rate;
    /** The wall-clock time of the first request's intended send time, so a slow request can be found in other logs. */
    private final Instant startedAt;

    private OpenLoop(long[] latencies, int rate, double seconds, Instant startedAt) {
        this.latencies = latencies;
        this.sent = latencies.length;
        this.rate = rate;
        this.seconds = seconds;
        this.startedAt = startedAt;
    }

    /** @param accepted told of every accepted registration, or null */
    static OpenLoop run(Load load, int rate, double seconds, Consumer<Load.Registration> accepted) {
        int total = (int) Math.round(rate * seconds);
        long interval = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(128);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime() + 10_000_000;
        Instant startedAt = Instant.now().plusMillis(10);
        for (int i = 0; i < total; i++) {
            long intended = t0 + i * interval;
            int place = i;
            waitUntil(intended);
            pool.execute(() -> {
                Load.Registration reg = load.register();
                if (reg.accepted()) {
                    latencies[place] = reg.answer().doneNanos() - intended;
                    count.incrementAndGet();
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
        OpenLoop done = new OpenLoop(latencies, rate, (System.nanoTime() - t0) / 1e9, startedAt);
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

    /** The q-th percentile of the accepted requests' latencies, in ms. */
    double p(double q) {
        return Stats.percentileMs(Arrays.stream(latencies).filter(latency -> latency >= 0).toArray(), q);
    }

    double achievedRate() {
        return count.get() / seconds;
    }

    /** The places in the sending order of the requests slower than the round's p99. */
    private int[] overP99Places() {
        double p99Nanos = p(99) * 1_000_000;
        return IntStream.range(0, sent).filter(i -> latencies[i] > p99Nanos).toArray();
    }

    /**
     * Where in the round the slowest requests were sent: for each second of the round, how many of its requests took
     * longer than the round's p99. A tail at the round's start reads differently from one spread over it.
     */
    int[] overP99BySecond() {
        int[] bySecond = new int[(sent + rate - 1) / rate];
        for (int place : overP99Places()) {
            bySecond[place / rate]++;
        }
        return bySecond;
    }

    /**
     * The same requests in sending order, each as its intended send time in ms after {@code startedAt} and its latency
     * in ms: a stall shows as a run of them, to be matched against GC and database logs to the millisecond.
     */
    List<double[]> overP99() {
        long interval = 1_000_000_000L / rate;
        return IntStream.of(overP99Places())
                .mapToObj(i -> new double[] {Stats.round(i * interval / 1e6, 1), Stats.round(latencies[i] / 1e6, 1)})
                .toList();
    }

    Map<String, Object> describe(int round) {
        return Map.of("round", round, "sent", sent, "accepted", count.get(), "failed", failed.get(),
                "p50Ms", Stats.round(p(50), 2), "p99Ms", Stats.round(p(99), 2),
                "achievedRate", Stats.round(achievedRate(), 1), "overP99BySecond", overP99BySecond(),
                "startedAt", startedAt.toString(), "overP99", overP99());
    }
}

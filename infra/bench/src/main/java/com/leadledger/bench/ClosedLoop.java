package com.leadledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/** Closed-loop load: each worker starts its next operation when the previous one is answered. */
record ClosedLoop(long ok, long failed, double seconds) {

    /** Thrown by an operation when there is no more work. */
    static final class Done extends RuntimeException {
        Done() {
            super(null, null, false, false);
        }
    }

    double rate() {
        return ok / seconds;
    }

    /** {@code threads} workers call op(workerIndex) back to back until the time is up (or op throws {@link Done}). */
    static ClosedLoop run(int threads, double seconds, IntPredicate op) {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = seconds >= Double.MAX_VALUE / 2 ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread w = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (op.test(index)) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Done done) {
                    // no more work
                }
            }, "bench-client-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new ClosedLoop(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9);
    }
}

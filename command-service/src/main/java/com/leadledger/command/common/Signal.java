package com.leadledger.command.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes one waiting worker early; signals while nobody waits are kept as one. A signal that arrives while
 * {@link #await} returns may be absorbed by it: what it announced happened before, so the work done next sees it.
 */
public final class Signal {

    private final Semaphore pending = new Semaphore(0);

    public void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until signalled since the last call, or the timeout passed. */
    public void await(Duration timeout) throws InterruptedException {
        pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
    }
}

package com.leadledger.command.relay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay that this instance committed events, so it need not poll: the event store calls this subscriber in
 * the storing unit of work, which then signals once its transaction has committed (a rolled-back one signals nothing).
 * Every event is stored through this service's event store, so every committed event is signalled in the instance that
 * stored it.
 *
 * <p>Not a PostgreSQL {@code NOTIFY} from the outbox trigger: a notifying transaction holds a database-wide lock from
 * its notification until its commit is flushed, so commits that notify are flushed one after the other instead of
 * together (measured here: 8 clients inserting one row per transaction, 2,090 commits/s without, 260–390 with).
 */
@Component
class CommittedEvents {

    private final Semaphore pending = new Semaphore(0);

    CommittedEvents(EventStore eventStore) {
        eventStore.subscribe(this::stored);
    }

    private void stored(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> signal());
        } else {
            signal();
        }
    }

    /** Ends the relay's current or next wait. */
    void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /**
     * Waits until events were committed since the last call, or the timeout passed. A signal that arrives while this
     * returns may be absorbed by it: its events were committed before, so the batch read next sees them.
     */
    void await(Duration timeout) throws InterruptedException {
        pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.drainPermits();
    }
}

package com.leadledger.command.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the workers that read what commands stored (the Kafka relay, the webhook fan-out) that this instance committed
 * events, so they need not poll: the event store calls this subscriber in the storing unit of work, which then signals
 * once its transaction has committed (a rolled-back one signals nothing). Every event is stored through this service's
 * event store, so every committed event is signalled in the instance that stored it.
 *
 * <p>Not a PostgreSQL {@code NOTIFY} from the outbox triggers: a notifying transaction holds a database-wide lock from
 * its notification until its commit is flushed, so commits that notify are flushed one after the other instead of
 * together (measured here: 8 clients inserting one row per transaction, 2,090 commits/s without, 260–390 with).
 */
@Component
public class CommittedEvents {

    private final List<Signal> signals = new CopyOnWriteArrayList<>();

    public CommittedEvents(EventStore eventStore) {
        eventStore.subscribe(this::stored);
    }

    /** A signal of its own for one worker, raised after every commit of events from now on. */
    public Signal newSignal() {
        Signal signal = new Signal();
        signals.add(signal);
        return signal;
    }

    private void stored(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> raise());
        } else {
            raise();
        }
    }

    private void raise() {
        signals.forEach(Signal::signal);
    }
}

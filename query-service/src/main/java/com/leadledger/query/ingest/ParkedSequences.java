package com.leadledger.query.ingest;

import com.leadledger.events.envelope.EventEnvelope;

import java.util.Collection;
import java.util.Set;

/**
 * The aggregates whose events wait behind a dead letter. Used inside the ingest transaction: the lock makes the
 * check and the queueing atomic with an operator's retry draining the same aggregate.
 */
public interface ParkedSequences {

    /** Serializes ingest and retries of one aggregate until the current transaction ends. */
    void lock(String aggregateId);

    /** {@link #lock} for several aggregates at once, in a stable order. */
    void lockAll(Collection<String> aggregateIds);

    /** Whether an earlier event of the aggregate is parked (its later events must wait behind it). */
    boolean isBlocked(String aggregateId);

    /** The aggregates among {@code aggregateIds} that {@link #isBlocked} names. */
    Set<String> blockedAmong(Collection<String> aggregateIds);

    /** Queues an event (already stored in event_log) behind the aggregate's parked one. */
    void queue(IngestSource source, EventEnvelope envelope);
}

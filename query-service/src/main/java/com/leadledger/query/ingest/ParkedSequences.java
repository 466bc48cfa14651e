package com.leadledger.query.ingest;

import com.leadledger.events.envelope.EventEnvelope;

/**
 * The aggregates whose events wait behind a dead letter. Used inside the ingest transaction: the lock makes the
 * check and the queueing atomic with an operator's retry draining the same aggregate.
 */
public interface ParkedSequences {

    /** Serializes ingest and retries of one aggregate until the current transaction ends. */
    void lock(String aggregateId);

    /** Whether an earlier event of the aggregate is parked (its later events must wait behind it). */
    boolean isBlocked(String aggregateId);

    /** Queues an event (already stored in event_log) behind the aggregate's parked one. */
    void queue(IngestSource source, EventEnvelope envelope);
}

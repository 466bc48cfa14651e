package com.leadledger.query.ingest;

/**
 * A read model kept in PostgreSQL. {@link EventIngestor} calls every projection for every newly stored event,
 * inside the transaction that stored it, so a view never moves ahead of or behind {@code event_log}.
 */
public interface Projection {

    /** Applies the event if this read model cares about it; runs in the ingest transaction. */
    void project(Record event, EventRef ref);
}

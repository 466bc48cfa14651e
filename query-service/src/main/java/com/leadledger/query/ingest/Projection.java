package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;

import java.util.List;

/**
 * A read model kept in PostgreSQL. {@link EventIngestor} calls every projection for every newly stored event,
 * inside the transaction that stored it, so a view never moves ahead of or behind {@code event_log}.
 */
public interface Projection {

    /**
     * The tables this read model writes, and only it: a rebuild recreates exactly these from the event log and swaps
     * them in.
     */
    List<String> tables();

    /** Applies the event if this read model cares about it; runs in the ingest transaction. */
    void project(LeadLedgerEvent event, EventRef ref);
}

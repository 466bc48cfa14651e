package com.leadledger.query.projection;

import com.leadledger.events.LeadLedgerEvent;

/**
 * Checks, inside a transition, that an event carries what its type promises. An event that decodes but lacks a
 * required member can never be applied, so it is treated like an undecodable record: not retried, counted as
 * poison ({@code reason=payload}) and parked: the event is kept in event_log, its application waits in the dead-letter
 * store with its aggregate's later events queued behind it.
 */
public final class EventContract {

    private EventContract() {
    }

    public static <T> T required(T value, String member, LeadLedgerEvent event) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new UndecodableRecordException("payload",
                    event.getClass().getSimpleName() + " lacks its required member '" + member + "'", null);
        }
        return value;
    }
}

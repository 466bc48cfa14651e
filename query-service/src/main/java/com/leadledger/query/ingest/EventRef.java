package com.leadledger.query.ingest;

import com.leadledger.events.envelope.EventEnvelope;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an event sits in the history: what read models stamp on themselves ({@code lastEventId}, {@code updatedAt})
 * and what a fold over {@code event_log} carries next to each payload.
 *
 * @param timestamp when the event was stored on the command side; read models use it, never the wall clock, so
 *                  that a rebuild produces the same rows as the live projection
 */
public record EventRef(String eventId, String eventType, String aggregateId, long sequenceNumber, long globalIndex,
                       Instant timestamp) {

    public EventRef {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static EventRef of(EventEnvelope envelope) {
        return new EventRef(envelope.eventId(), envelope.eventType(), envelope.aggregateId(),
                envelope.sequenceNumber(), envelope.globalIndex(), envelope.timestamp());
    }
}

package com.leadledger.query.projection;

import com.leadledger.events.envelope.EventEnvelope;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where an event sits in the history: what read models stamp on themselves ({@code lastEventId}, {@code updatedAt})
 * and what a fold over {@code event_log} carries next to each payload.
 *
 * @param timestamp when the event was stored on the command side; read models use it, never the wall clock, so
 *                  that a rebuild produces the same rows as the live projection
 * @param metadata  the envelope's audit metadata (actor id and role, partner, correlation ids); never null
 */
public record EventRef(String eventId, String eventType, String aggregateId, long sequenceNumber, long globalIndex,
                       Instant timestamp, Map<String, String> metadata) {

    /** The metadata key of the acting user's id (see the command side's {@code CommandMetadata}). */
    public static final String ACTOR_ID = "actorId";
    /** The metadata key of the role the actor acted in. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The metadata key of the acting partner, present when a partner acted. */
    public static final String PARTNER_ID = "partnerId";

    public EventRef {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A reference without metadata. */
    public EventRef(String eventId, String eventType, String aggregateId, long sequenceNumber, long globalIndex,
                    Instant timestamp) {
        this(eventId, eventType, aggregateId, sequenceNumber, globalIndex, timestamp, Map.of());
    }

    public static EventRef of(EventEnvelope envelope) {
        return new EventRef(envelope.eventId(), envelope.eventType(), envelope.aggregateId(),
                envelope.sequenceNumber(), envelope.globalIndex(), envelope.timestamp(), withoutNulls(envelope));
    }

    /** Who caused the event, as recorded by the command side; null when the metadata does not say. */
    public String actorId() {
        return metadata.get(ACTOR_ID);
    }

    /** The role the actor acted in; null when the metadata does not say. */
    public String actorRole() {
        return metadata.get(ACTOR_ROLE);
    }

    /** The partner that acted; null when staff or the system acted. */
    public String partnerId() {
        return metadata.get(PARTNER_ID);
    }

    private static Map<String, String> withoutNulls(EventEnvelope envelope) {
        if (envelope.metadata() == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.HashMap<>();
        envelope.metadata().forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}

package com.leadledger.query.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The places of a batch's events in their streams, as held in event_log and as the batch fills them, in the order
 * the batch stores them: what {@link EventLogRepository#placeOf} would answer for each event after the batch's
 * earlier events had been stored.
 */
public final class StreamPlaces {

    private record Held(String eventId, byte[] hash) {
    }

    private record Place(String aggregateId, long sequenceNumber) {
    }

    private final Map<Place, Held> held = new HashMap<>();

    /** Records the event held at a place; the first one held there stays (a later one is a duplicate or refused). */
    void hold(String aggregateId, long sequenceNumber, String eventId, byte[] hash) {
        held.putIfAbsent(new Place(aggregateId, sequenceNumber), new Held(eventId, hash));
    }

    EventLogRepository.StreamPlace placeOf(String aggregateId, long sequenceNumber) {
        Held previous = held.get(new Place(aggregateId, sequenceNumber - 1));
        Held occupant = held.get(new Place(aggregateId, sequenceNumber));
        return new EventLogRepository.StreamPlace(previous == null ? null : previous.hash(),
                occupant == null ? null : occupant.eventId());
    }
}

package com.leadledger.console.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One stored event of an aggregate as the audit trail gives it ({@code GET /api/v1/audit/events}): its place in the
 * whole history and in its stream's hash chain, who caused it and its payload as stored.
 */
public record HistoryEvent(String eventId, String eventType, String aggregateType, String aggregateId,
                           long sequenceNumber, long globalIndex, String previousHash, String eventHash,
                           Instant timestamp, JsonNode metadata, JsonNode payload) {

    public String actorId() {
        return metadataText("actorId");
    }

    public String actorRole() {
        return metadataText("actorRole");
    }

    /** The payload's values, each under its path, as a readable summary of what happened. */
    public List<EventFacts.Fact> facts() {
        return EventFacts.of(payload);
    }

    TrailEvent asTrailEvent() {
        return new TrailEvent(eventId, eventType, globalIndex, timestamp);
    }

    private String metadataText(String name) {
        JsonNode value = metadata == null ? null : metadata.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}

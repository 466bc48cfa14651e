package com.leadledger.query.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as auditors read it: the envelope fields, the metadata (actor, role, partner, correlation,
 * causation and request ids) and the payload exactly as received. {@code timestamp} is when the command side stored
 * the event; {@code receivedAt} when this service stored its copy.
 */
record AuditEvent(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        long globalIndex,
        Instant timestamp,
        JsonNode metadata,
        JsonNode payload,
        Instant receivedAt) {
}

package com.leadledger.query.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as auditors read it: the envelope fields, the metadata (actor, role, partner, correlation,
 * causation and request ids) and the payload exactly as received. {@code timestamp} is when the command side stored
 * the event; {@code receivedAt} when this service stored its copy. {@code previousHash} and {@code eventHash} are the
 * event's links in its stream's hash chain (hex SHA-256, docs/audit.md); {@code globalIndex} its place in the store.
 */
record AuditEvent(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        long globalIndex,
        String previousHash,
        String eventHash,
        Instant timestamp,
        JsonNode metadata,
        JsonNode payload,
        Instant receivedAt) {
}

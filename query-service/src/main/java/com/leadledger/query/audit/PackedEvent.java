package com.leadledger.query.audit;

/**
 * One event of an evidence pack exactly as the event store keeps it (the copy's stored form, which its hash chain
 * proves identical): the inputs of its hash, its chain links and its global index. {@code payload} and
 * {@code metadata} are the stored bytes; a hash is null for an event copied before the copy kept the stored form.
 */
record PackedEvent(String eventId, String eventType, String aggregateId, long sequenceNumber, String aggregateType,
                   String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata,
                   long globalIndex, byte[] previousHash, byte[] eventHash) {
}

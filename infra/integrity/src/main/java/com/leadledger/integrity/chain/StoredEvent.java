package com.leadledger.integrity.chain;

/**
 * One event exactly as the event store keeps it: the inputs of its hash and the hashes stored with it. Text fields are
 * as stored; {@code payload} and {@code metadata} are the stored bytes (UTF-8 JSON).
 */
public record StoredEvent(
        String eventId,
        String aggregateId,
        long sequenceNumber,
        String aggregateType,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metadata,
        byte[] previousHash,
        byte[] eventHash) {
}

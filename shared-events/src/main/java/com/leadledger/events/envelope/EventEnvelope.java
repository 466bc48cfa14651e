package com.leadledger.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * What travels on the Kafka topic for every stored event (see the README's "Event envelope" section).
 *
 * @param schemaVersion  version of this envelope layout, currently {@value #CURRENT_SCHEMA}
 * @param eventId        the event's unique id in the event store; consumers deduplicate by it
 * @param eventType      simple name of the event record, e.g. {@code RegistrationSubmitted} (see {@link EventTypes})
 * @param aggregateType  type of the aggregate that produced it, e.g. {@code Opportunity}
 * @param aggregateId    id of that aggregate; also the Kafka record key, so one aggregate's events stay in order
 * @param sequenceNumber position of the event in its aggregate's stream, from 0
 * @param globalIndex    position in the whole event store
 * @param timestamp      when the event was stored (UTC)
 * @param metadata       actor, roles, partner, correlation, causation and request ids, as strings
 * @param payload        the event record as JSON
 * @param integrity      the event exactly as stored and its hash-chain links, so that a consumer can re-verify the
 *                       chain on its own copy (null from producers before schema 2)
 */
public record EventEnvelope(
        int schemaVersion,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        long globalIndex,
        Instant timestamp,
        Map<String, String> metadata,
        JsonNode payload,
        Integrity integrity) {

    public static final int CURRENT_SCHEMA = 2;

    /** An envelope without integrity data (schema 1 layout). */
    public EventEnvelope(int schemaVersion, String eventId, String eventType, String aggregateType, String aggregateId,
                         long sequenceNumber, long globalIndex, Instant timestamp, Map<String, String> metadata,
                         JsonNode payload) {
        this(schemaVersion, eventId, eventType, aggregateType, aggregateId, sequenceNumber, globalIndex, timestamp,
                metadata, payload, null);
    }

    /**
     * The stored form of the event: the inputs of its hash (see {@code EventChain}) as the event store holds them, and
     * its chain links as hex.
     *
     * @param storedPayload  the stored payload bytes, as UTF-8 text (exact)
     * @param storedMetadata the stored metadata bytes, as UTF-8 text (exact; null when none)
     */
    public record Integrity(String previousHash, String eventHash, String payloadType, String payloadRevision,
                            String storedTimestamp, String storedPayload, String storedMetadata) {
    }
}

package com.leadledger.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.chain.EventChain;
import com.leadledger.integrity.chain.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a test envelope what the command side's relay gives every envelope: the event's stored form and its hash,
 * chained to the hash of the envelope sealed before it at the previous position of the same stream (the zero hash at
 * position 0). Seal a stream's envelopes in stream order.
 */
public final class EnvelopeSeal {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private static final Map<String, byte[]> HASHES = new ConcurrentHashMap<>();

    private EnvelopeSeal() {
    }

    public static EventEnvelope sealed(EventEnvelope envelope) {
        return sealedAfter(envelope, envelope.sequenceNumber() == 0 ? EventChain.GENESIS
                : HASHES.getOrDefault(place(envelope.aggregateId(), envelope.sequenceNumber() - 1), EventChain.GENESIS));
    }

    /** Sealed as if the stream's previous event had the hash {@code previous}. */
    public static EventEnvelope sealedAfter(EventEnvelope envelope, byte[] previous) {        String payloadType = EventTypes.classFor(envelope.eventType()).map(Class::getName)
                .orElse("com.example.newer." + envelope.eventType());
        String payload = json(envelope.payload());
        String metadata = json(envelope.metadata() == null ? Map.of() : envelope.metadata());
        String timestamp = envelope.timestamp().toString();
        StoredEvent stored = new StoredEvent(envelope.eventId(), envelope.aggregateId(), envelope.sequenceNumber(),
                envelope.aggregateType(), payloadType, null, timestamp, bytes(payload), bytes(metadata), previous,
                null);
        byte[] hash = EventChain.hash(previous, stored);
        HASHES.put(place(envelope.aggregateId(), envelope.sequenceNumber()), hash);
        return new EventEnvelope(envelope.schemaVersion(), envelope.eventId(), envelope.eventType(),
                envelope.aggregateType(), envelope.aggregateId(), envelope.sequenceNumber(), envelope.globalIndex(),
                envelope.timestamp(), envelope.metadata(), envelope.payload(),
                new EventEnvelope.Integrity(Hashes.hex(previous), Hashes.hex(hash), payloadType, null, timestamp,
                        payload, metadata));
    }

    private static String place(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return CODEC.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.leadledger.query.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.integrity.chain.EventChain;
import com.leadledger.integrity.chain.StoredEvent;
import com.leadledger.query.projection.UndecodableRecordException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The query side believes nothing on the topic that does not prove it is what the command side's event store holds: an
 * envelope must carry its stored form, whose hash it recomputes ({@link EventChain}) and finds equal to the stated
 * one, and whose type, time, metadata and payload are the envelope's; its hash must chain to the stream's previous
 * event as held here ({@link EventIngestor}). Anything else is refused as {@code integrity} and parked, never stored
 * in event_log or projected.
 *
 * <p>The hash is not a signature: whoever can write to the topic can compute a self-consistent hash for a forged
 * first or next event of a stream. Writing is what Kafka authentication and ACLs guard; a forgery that slipped in
 * still fails the full verification against the command side's signed checkpoints.
 */
public final class EnvelopeIntegrity {

    public static final String REASON = "integrity";
    private static final HexFormat HEX = HexFormat.of();

    private EnvelopeIntegrity() {
    }

    /**
     * The stored form the envelope carries, its hash verified, and the envelope's type, time and metadata found to be
     * the stored ones; refuses any other envelope. (The payload is compared once it is decoded: {@link
     * #requireSamePayload}.)
     */
    static StoredEvent storedForm(EventEnvelope envelope, EnvelopeCodec codec) {
        EventEnvelope.Integrity integrity = envelope.integrity();
        if (integrity == null || integrity.eventHash() == null || integrity.previousHash() == null
                || integrity.storedPayload() == null || integrity.payloadType() == null) {
            throw refused(envelope, "carries no stored form and hashes (integrity), so its origin cannot be verified");
        }
        StoredEvent stored;
        try {
            stored = new StoredEvent(envelope.eventId(), envelope.aggregateId(), envelope.sequenceNumber(),
                    envelope.aggregateType(), integrity.payloadType(), integrity.payloadRevision(),
                    integrity.storedTimestamp(), integrity.storedPayload().getBytes(StandardCharsets.UTF_8),
                    integrity.storedMetadata() == null ? null
                            : integrity.storedMetadata().getBytes(StandardCharsets.UTF_8),
                    HEX.parseHex(integrity.previousHash()), HEX.parseHex(integrity.eventHash()));
        } catch (IllegalArgumentException notHex) {
            throw refused(envelope, "states hashes that are not hexadecimal");
        }
        if (!Arrays.equals(EventChain.hash(stored.previousHash(), stored), stored.eventHash())) {
            throw refused(envelope, "states a hash its stored form does not have");
        }
        if (!envelope.eventType().equals(simpleName(integrity.payloadType()))) {
            throw refused(envelope, "is of type " + envelope.eventType() + " but was stored as "
                    + integrity.payloadType());
        }
        if (!envelope.timestamp().equals(instant(integrity.storedTimestamp(), envelope))) {
            throw refused(envelope, "states a time other than the time it was stored with");
        }
        if (!sameMetadata(envelope, integrity.storedMetadata(), codec)) {
            throw refused(envelope, "carries metadata that differs from the metadata it was stored with");
        }
        return stored;
    }

    /**
     * The event chains to the stream's previous event as held here ({@link EventChain#GENESIS} before the first),
     * and no other event holds its place in the stream.
     */
    static void requireLinked(EventLogRepository.StreamPlace held, StoredEvent stored, EventEnvelope envelope) {
        if (held.occupiedBy() != null && !held.occupiedBy().equals(envelope.eventId())) { // a redelivery holds its own
            throw refused(envelope, "claims position " + envelope.sequenceNumber() + " of its stream, which event "
                    + held.occupiedBy() + " holds");
        }
        byte[] previous = envelope.sequenceNumber() == 0 ? EventChain.GENESIS : held.previousHash();
        if (previous == null) {
            throw refused(envelope, "follows event " + (envelope.sequenceNumber() - 1)
                    + " of its stream, which is not held here");
        }
        if (!Arrays.equals(previous, stored.previousHash())) {
            throw refused(envelope, "does not chain to event " + (envelope.sequenceNumber() - 1)
                    + " of its stream as held here");
        }
    }

    /**
     * The payload the envelope carries means what the stored payload means: the same event record when both are read
     * as its type (an event stored before a member was added lacks it), the same JSON for a type this version does
     * not know.
     */
    static void requireSamePayload(EventEnvelope envelope, Optional<LeadLedgerEvent> decoded, StoredEvent stored,
                                   EnvelopeCodec codec) {
        JsonNode storedPayload = tree(new String(stored.payload(), StandardCharsets.UTF_8), codec, envelope);
        boolean same;
        if (decoded.isEmpty()) {
            same = storedPayload.equals(envelope.payload());
        } else {
            try {
                // as trees, where decimals compare by value: 3E+5 as stored is the 300000 the envelope carries
                same = codec.toTree(codec.mapper().treeToValue(storedPayload, decoded.get().getClass()))
                        .equals(codec.toTree(decoded.get()));
            } catch (JsonProcessingException e) {
                throw refused(envelope, "carries a stored payload that is not a valid " + envelope.eventType());
            }
        }
        if (!same) {
            throw refused(envelope, "carries a payload that differs from the payload it was stored with");
        }
    }

    /** The envelope's metadata is the stored metadata with every present value as text (as the relay writes it). */
    private static boolean sameMetadata(EventEnvelope envelope, String storedMetadata, EnvelopeCodec codec) {
        Map<String, String> stored = new TreeMap<>();
        if (storedMetadata != null) {
            tree(storedMetadata, codec, envelope).fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (!value.isNull()) {
                    stored.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
            });
        }
        return stored.equals(envelope.metadata() == null ? Map.of() : envelope.metadata());
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static Instant instant(String text, EventEnvelope envelope) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw refused(envelope, "was stored with a time that is not an instant");
        }
    }

    private static JsonNode tree(String json, EnvelopeCodec codec, EventEnvelope envelope) {
        try {
            return codec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw refused(envelope, "carries a stored form that is not JSON");
        }
    }

    private static UndecodableRecordException refused(EventEnvelope envelope, String why) {
        return new UndecodableRecordException(REASON, "event " + envelope.eventId() + " of " + envelope.aggregateId()
                + " " + why, null);
    }
}

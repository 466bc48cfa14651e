package com.leadledger.command.relay;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.integrity.Hashes;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a stored event row into the documented Kafka envelope: the payload and metadata as Axon reads them back (same
 * serializer), the stored form and hash links exactly as stored.
 */
class EnvelopeFactory {

    /** The columns {@link #envelopeOf} reads. */
    static final String COLUMNS = "e.globalindex, e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier, "
            + "e.metadata, e.payload, e.payloadrevision, e.payloadtype, e.timestamp, e.previous_hash, e.event_hash";

    private final EnvelopeCodec codec;
    private final Serializer eventSerializer;

    EnvelopeFactory(EnvelopeCodec codec, Serializer eventSerializer) {
        this.codec = codec;
        this.eventSerializer = eventSerializer;
    }

    EventEnvelope envelopeOf(ResultSet row) throws SQLException {
        byte[] payload = row.getBytes("payload");
        byte[] metadata = row.getBytes("metadata");
        String payloadType = row.getString("payloadtype");
        String revision = row.getString("payloadrevision");
        String timestamp = row.getString("timestamp");
        Object event = eventSerializer.deserialize(
                new SimpleSerializedObject<>(payload, byte[].class, payloadType, revision));
        Map<String, String> meta = new TreeMap<>();
        if (metadata != null) {
            MetaData stored = eventSerializer.deserialize(new SerializedMetaData<>(metadata, byte[].class));
            stored.forEach((key, value) -> {
                if (value != null) {
                    meta.put(key, value.toString());
                }
            });
        }
        EventEnvelope.Integrity integrity = new EventEnvelope.Integrity(Hashes.hex(row.getBytes("previous_hash")),
                Hashes.hex(row.getBytes("event_hash")), payloadType, revision, timestamp, text(payload),
                text(metadata));
        return new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, row.getString("eventidentifier"),
                simpleName(payloadType), row.getString("type"), row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"), row.getLong("globalindex"), Instant.parse(timestamp), meta,
                codec.toTree(event), integrity);
    }

    /** The event type name of the envelope: the record's simple name (see {@code EventTypes}). */
    static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}

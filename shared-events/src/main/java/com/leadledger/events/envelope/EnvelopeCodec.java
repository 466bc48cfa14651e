package com.leadledger.events.envelope;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.leadledger.events.LeadLedgerEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads and writes envelopes and typed payloads with one Jackson configuration shared by producer and consumers. */
public final class EnvelopeCodec {

    private final ObjectMapper mapper;

    public EnvelopeCodec() {
        this(defaultMapper());
    }

    public EnvelopeCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** ISO-8601 instants and dates, sorted map keys and properties, unknown fields tolerated for forward compatibility. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // decimals stay exact and plain: 300000 never becomes 3E+5 or 300000.0
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode envelope " + envelope.eventId(), e);
        }
    }

    public EventEnvelope decode(byte[] json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid event envelope", e);
        }
    }

    public JsonNode toTree(Object payload) {
        return mapper.valueToTree(payload);
    }

    /** The payload as its event record; empty for an event type this version does not know. */
    public Optional<LeadLedgerEvent> payload(EventEnvelope envelope) {
        return EventTypes.classFor(envelope.eventType()).map(type -> {
            try {
                return mapper.treeToValue(envelope.payload(), type);
            } catch (JsonProcessingException e) {
                throw notAValidPayload(envelope.eventId(), envelope.eventType(), e);
            }
        });
    }

    /**
     * A payload stored as JSON text, read straight into its event record (without the tree an envelope holds); empty
     * for an event type this version does not know.
     */
    public Optional<LeadLedgerEvent> payload(String eventId, String eventType, String json) {
        return EventTypes.classFor(eventType).map(type -> {
            try {
                return mapper.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw notAValidPayload(eventId, eventType, e);
            }
        });
    }

    private static UncheckedIOException notAValidPayload(String eventId, String eventType, JsonProcessingException e) {
        return new UncheckedIOException("payload of " + eventId + " is not a valid " + eventType, e);
    }
}

package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.integrity.chain.StoredEvent;
import com.leadledger.query.projection.UndecodableRecordException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a record value into an envelope and its typed payload, or says why it never can. */
public final class EnvelopeReader {

    private final EnvelopeCodec codec;

    public EnvelopeReader(EnvelopeCodec codec) {
        this.codec = codec;
    }

    /**
     * The decoded event; its payload is empty for an event type this version does not know.
     *
     * @param stored the event as the command side stored it, its hash verified (see {@link EnvelopeIntegrity})
     */
    public record Decoded(EventEnvelope envelope, Optional<LeadLedgerEvent> payload, StoredEvent stored) {
    }

    public Decoded read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UndecodableRecordException("envelope", "the record has no value", null);
        }
        EventEnvelope envelope;
        try {
            envelope = codec.decode(value);
        } catch (RuntimeException e) {
            throw new UndecodableRecordException("envelope", "the record value is not an event envelope: "
                    + rootMessage(e), e);
        }
        List<String> missing = missingFields(envelope);
        if (!missing.isEmpty()) {
            throw new UndecodableRecordException("envelope", "the envelope lacks " + String.join(", ", missing),
                    null);
        }
        StoredEvent stored = EnvelopeIntegrity.storedForm(envelope, codec);
        Optional<LeadLedgerEvent> payload;
        try {
            payload = codec.payload(envelope);
        } catch (RuntimeException e) {
            throw new UndecodableRecordException("payload", "the payload of event " + envelope.eventId()
                    + " is not a valid " + envelope.eventType() + ": " + rootMessage(e), e);
        }
        EnvelopeIntegrity.requireSamePayload(envelope, payload, stored, codec);
        return new Decoded(envelope, payload, stored);
    }

    /**
     * The envelope alone, when it can be read and names its event (id, type, aggregate, sequence), whether or not
     * its payload matches its type: what a dead letter needs to keep the event in event_log and in its aggregate's
     * order.
     */
    public Optional<EventEnvelope> identify(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            EventEnvelope envelope = codec.decode(value);
            return missingFields(envelope).isEmpty() ? Optional.of(envelope) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> missingFields(EventEnvelope envelope) {
        List<String> missing = new ArrayList<>();
        if (envelope == null) {
            missing.add("everything");
            return missing;
        }
        if (isBlank(envelope.eventId())) {
            missing.add("eventId");
        }
        if (isBlank(envelope.eventType())) {
            missing.add("eventType");
        }
        if (isBlank(envelope.aggregateType())) {
            missing.add("aggregateType");
        }
        if (isBlank(envelope.aggregateId())) {
            missing.add("aggregateId");
        }
        if (envelope.sequenceNumber() < 0) {
            missing.add("sequenceNumber");
        }
        if (envelope.timestamp() == null) {
            missing.add("timestamp");
        }
        if (envelope.payload() == null || !envelope.payload().isObject()) {
            missing.add("payload");
        }
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Failures.root(e);
        String message = root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}

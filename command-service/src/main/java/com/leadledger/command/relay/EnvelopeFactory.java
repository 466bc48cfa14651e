package com.leadledger.command.relay;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Map;
import java.util.TreeMap;

/** Turns a stored Axon event into the documented Kafka envelope. */
class EnvelopeFactory {

    private final EnvelopeCodec codec;

    EnvelopeFactory(EnvelopeCodec codec) {
        this.codec = codec;
    }

    EventEnvelope envelopeOf(EventMessage<?> message, EventEnvelope.Integrity integrity) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalArgumentException("only aggregate events are published, got " + message.getIdentifier());
        }
        long globalIndex = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
        Map<String, String> metadata = new TreeMap<>();
        domain.getMetaData().forEach((key, value) -> {
            if (value != null) {
                metadata.put(key, value.toString());
            }
        });
        return new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, domain.getIdentifier(),
                EventTypes.nameOf(domain.getPayloadType()), domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), globalIndex, domain.getTimestamp(), metadata,
                codec.toTree(domain.getPayload()), integrity);
    }
}

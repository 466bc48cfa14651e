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
        JsonNode payload) {

    public static final int CURRENT_SCHEMA = 1;
}

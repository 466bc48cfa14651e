package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.PoisonRecordRecoverer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trusted event feed: the query side projects only envelopes that prove they are what the command side's event
 * store holds (their stored form hashes to the stated hash, carries the envelope's payload, metadata, type and time,
 * and chains to the stream's previous event as held here). Anything else is parked as {@code integrity}, kept out of
 * event_log and every view; such an entry blocks nothing, may be discarded, and is applied by a retry once the
 * stream it claims to follow is held.
 */
class TrustedEventFeedIT extends QueryServiceITBase {

    static final String ADMIN = token("ADMIN");
    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";

    @Test
    void anEnvelopeWithoutItsStoredFormIsParkedAndNeverProjected() {
        Refusal refusal = refused(sealed -> withoutIntegrity(sealed));

        assertThat(refusal.entry().get("error").get("message").asText()).contains("carries no stored form");
    }

    @Test
    void anEnvelopeStatingAWrongHashIsParkedAndNeverProjected() {
        Refusal refusal = refused(sealed -> withIntegrity(sealed, new EventEnvelope.Integrity(
                sealed.integrity().previousHash(), "ab".repeat(32), sealed.integrity().payloadType(),
                sealed.integrity().payloadRevision(), sealed.integrity().storedTimestamp(),
                sealed.integrity().storedPayload(), sealed.integrity().storedMetadata())));

        assertThat(refusal.entry().get("error").get("message").asText()).contains("hash its stored form does not have");
    }

    @Test
    void anEnvelopeWhosePayloadIsNotItsStoredPayloadIsParkedAndNeverProjected() {
        Refusal refusal = refused(sealed -> {
            ObjectNode payload = sealed.payload().deepCopy();
            payload.put("partnerId", "P-someone-else");
            return new EventEnvelope(sealed.schemaVersion(), sealed.eventId(), sealed.eventType(),
                    sealed.aggregateType(), sealed.aggregateId(), sealed.sequenceNumber(), sealed.globalIndex(),
                    sealed.timestamp(), sealed.metadata(), payload, sealed.integrity());
        });

        assertThat(refusal.entry().get("error").get("message").asText())
                .contains("payload that differs from the payload it was stored with");
    }

    @Test
    void anEnvelopeWhoseActorIsNotTheStoredActorIsParkedAndNeverProjected() {
        Refusal refusal = refused(sealed -> {
            Map<String, String> metadata = new TreeMap<>(sealed.metadata());
            metadata.put("actorRole", "CHANNEL_DIRECTOR");
            return new EventEnvelope(sealed.schemaVersion(), sealed.eventId(), sealed.eventType(),
                    sealed.aggregateType(), sealed.aggregateId(), sealed.sequenceNumber(), sealed.globalIndex(),
                    sealed.timestamp(), metadata, sealed.payload(), sealed.integrity());
        });

        assertThat(refusal.entry().get("error").get("message").asText())
                .contains("metadata that differs from the metadata it was stored with");
    }

    @Test
    void anEventThatDoesNotChainToItsStreamIsParkedAndNeverProjected() {
        Refusal refusal = refused(sealed -> EnvelopeSeal.sealedAfter(sealed, filled((byte) 7)));

        assertThat(refusal.entry().get("error").get("message").asText())
                .contains("does not chain to event 0 of its stream as held here");
    }

    @Test
    void aSecondEventClaimingAPlaceInTheStreamIsParkedAndTheFirstStays() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("DATA_CENTER");
        EventEnvelope opened = stream.opened();
        RegistrationSubmitted genuine = stream.submit(uniquePartner("first"));
        publish(stream.envelopes());
        awaitRegistration(genuine.registrationId(), MANAGER);
        // A self-consistent event for the same place, chained to the held event 0, as only a forger with write access
        // to the topic could make.
        RegistrationSubmitted forged = Fixtures.submitted(stream.opportunityId(), uniquePartner("forger"), 1,
                Fixtures.now());
        EventEnvelope forgery = EnvelopeSeal.sealedAfter(Fixtures.envelope(forged, "Opportunity",
                stream.opportunityId(), 1, Fixtures.now(), Fixtures.metadata("forger", "PARTNER", forged.partnerId())),
                HexFormat.of().parseHex(opened.integrity().eventHash()));
        publish(forgery);

        JsonNode entry = awaitIntegrityEntry(forgery);
        assertThat(entry.get("error").get("message").asText()).contains("which event " + stream.last().eventId()
                + " holds");
        assertThat(stored(forgery.eventId())).isFalse();
        assertThat(http.get("/api/v1/registrations/" + forged.registrationId(), MANAGER).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/registrations/" + genuine.registrationId(), MANAGER).status()).isEqualTo(200);
    }

    @Test
    void anEventWhosePredecessorIsNotHeldWaitsAsADeadLetterThatARetryAppliesOnceTheStreamArrives() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        RegistrationSubmitted first = stream.submit(uniquePartner("first"));
        RegistrationSubmitted second = stream.submit(uniquePartner("second"));
        EventEnvelope ahead = stream.last();
        publish(ahead);

        JsonNode entry = awaitIntegrityEntry(ahead);
        assertThat(entry.get("error").get("message").asText()).contains("follows event 1 of its stream, which is "
                + "not held here");
        assertThat(http.get("/api/v1/registrations/" + second.registrationId(), MANAGER).status()).isEqualTo(404);

        publish(stream.envelopes().subList(0, 2));
        awaitRegistration(first.registrationId(), MANAGER);
        Http.Response retried = http.post(DEAD_LETTERS + "/" + entry.get("id").asLong() + "/retry", ADMIN, "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(stored(ahead.eventId())).isTrue();
        assertThat(awaitRegistration(second.registrationId(), MANAGER).get("partnerId").asText())
                .isEqualTo(second.partnerId());
    }

    @Test
    void aDeadLetterRefusedForItsIntegrityMayBeDiscardedItIsNoEventOfTheHistory() {
        Refusal refusal = refused(TrustedEventFeedIT::withoutIntegrity);

        Http.Response discarded = http.post(DEAD_LETTERS + "/" + refusal.entry().get("id").asLong() + "/discard",
                ADMIN, "{\"reason\": \"not from our event store\"}");

        assertThat(discarded.status()).as(discarded.text()).isEqualTo(200);
        assertThat(discarded.body().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(discarded.body().get("resolution").asText()).isEqualTo("DISCARDED");
    }

    /** The stream's first event as sealed, then its second as {@code tamper} makes it; checks what every refusal shares. */
    private Refusal refused(UnaryOperator<EventEnvelope> tamper) {
        double before = counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "integrity");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit(uniquePartner("tampered"));
        EventEnvelope tampered = tamper.apply(stream.last());
        publish(stream.envelopes().get(0));
        publish(tampered);

        JsonNode entry = awaitIntegrityEntry(tampered);
        assertThat(entry.get("status").asText()).isEqualTo("PARKED");
        assertThat(entry.get("inEventLog").asBoolean()).isFalse();
        assertThat(stored(tampered.eventId())).isFalse();
        assertThat(stored(stream.envelopes().get(0).eventId())).isTrue();
        assertThat(http.get("/api/v1/registrations/" + submitted.registrationId(), MANAGER).status()).isEqualTo(404);
        assertThat(counter(PoisonRecordRecoverer.POISON_COUNTER, "reason", "integrity") - before).isEqualTo(1);
        return new Refusal(entry);
    }

    private record Refusal(JsonNode entry) {
    }

    private JsonNode awaitIntegrityEntry(EventEnvelope envelope) {
        JsonNode line = awaitJson(DEAD_LETTERS + "?aggregateId=" + envelope.aggregateId(), ADMIN,
                body -> body.get("total").asLong() == 1);
        JsonNode entry = line.get("items").get(0);
        assertThat(entry.get("reason").asText()).isEqualTo("integrity");
        assertThat(entry.get("eventId").asText()).isEqualTo(envelope.eventId());
        return http.get(DEAD_LETTERS + "/" + entry.get("id").asLong(), ADMIN).body();
    }

    private static EventEnvelope withoutIntegrity(EventEnvelope sealed) {
        return withIntegrity(sealed, null);
    }

    private static EventEnvelope withIntegrity(EventEnvelope sealed, EventEnvelope.Integrity integrity) {
        return new EventEnvelope(sealed.schemaVersion(), sealed.eventId(), sealed.eventType(), sealed.aggregateType(),
                sealed.aggregateId(), sealed.sequenceNumber(), sealed.globalIndex(), sealed.timestamp(),
                sealed.metadata(), sealed.payload(), integrity);
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}

package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditApiIT extends QueryServiceITBase {

    static final String AUDITOR = token("AUDITOR");

    @Test
    void auditorsReadAnAggregatesHistoryInStreamOrderWithItsMetadata() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("COLLABORATION");
        stream.opened();
        String partner = uniquePartner("audited");
        var submitted = stream.submit(partner);
        stream.withdraw(submitted, "duplicate entry");
        List<EventEnvelope> events = stream.envelopes();
        // Stored in the reverse of their stream order (global index falls as the sequence rises): the history is
        // still read in sequence order.
        String aggregateId = "audit-it-" + UUID.randomUUID();
        List<EventEnvelope> shuffled = List.of(unknown(aggregateId, 0), unknown(aggregateId, 1),
                unknown(aggregateId, 2));
        publish(events);
        publish(shuffled);
        shuffled.forEach(this::awaitStored);
        awaitStored(events.get(events.size() - 1));

        JsonNode history = http.get("/api/v1/audit/events?aggregateId=" + stream.opportunityId(), AUDITOR).body();

        assertThat(history.get("total").asLong()).isEqualTo(3);
        assertThat(field(history, "eventType")).containsExactly("OpportunityOpened", "RegistrationSubmitted",
                "RegistrationWithdrawn");
        assertThat(field(history, "sequenceNumber")).containsExactly("0", "1", "2");
        assertThat(field(history, "eventId")).containsExactly(events.get(0).eventId(), events.get(1).eventId(),
                events.get(2).eventId());
        JsonNode second = history.get("items").get(1);
        assertThat(second.get("aggregateType").asText()).isEqualTo("Opportunity");
        assertThat(second.get("aggregateId").asText()).isEqualTo(stream.opportunityId());
        assertThat(second.get("globalIndex").asLong()).isEqualTo(events.get(1).globalIndex());
        assertThat(Instant.parse(second.get("timestamp").asText())).isEqualTo(events.get(1).timestamp());
        assertThat(second.get("metadata").get("actorId").asText()).isEqualTo("user-of-" + partner);
        assertThat(second.get("metadata").get("actorRole").asText()).isEqualTo("PARTNER");
        assertThat(second.get("metadata").get("partnerId").asText()).isEqualTo(partner);
        assertThat(second.get("metadata").get("correlationId").asText())
                .isEqualTo(events.get(1).metadata().get("correlationId"));
        assertThat(second.get("payload").get("registrationId").asText()).isEqualTo(submitted.registrationId());
        assertThat(second.get("payload").get("estimatedValue").get("amount").asText()).isEqualTo("1250000.00");
        assertThat(field(history, "previousHash")).as("each event links to its predecessor in the stream")
                .containsExactly(events.get(0).integrity().previousHash(), events.get(0).integrity().eventHash(),
                        events.get(1).integrity().eventHash());
        assertThat(field(history, "eventHash")).containsExactly(events.get(0).integrity().eventHash(),
                events.get(1).integrity().eventHash(), events.get(2).integrity().eventHash());
        assertThat(field(history, "previousHash").get(0)).isEqualTo("0".repeat(64));

        JsonNode firstPage = http.get("/api/v1/audit/events?aggregateId=" + aggregateId + "&size=2", AUDITOR).body();
        JsonNode secondPage = http.get("/api/v1/audit/events?aggregateId=" + aggregateId + "&size=2&page=1",
                AUDITOR).body();
        assertThat(field(firstPage, "sequenceNumber")).containsExactly("0", "1");
        assertThat(field(secondPage, "sequenceNumber")).containsExactly("2");
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(field(firstPage, "eventType")).containsOnly("SomethingNewer");
    }

    @Test
    void theAggregateIdIsRequired() {
        var answer = http.get("/api/v1/audit/events", AUDITOR);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("aggregateId");
    }

    @Test
    void onlyAuditorsReadTheHistory() {
        String path = "/api/v1/audit/events?aggregateId=" + UUID.randomUUID();
        assertThat(http.get(path, token("CHANNEL_MANAGER")).status()).isEqualTo(403);
        assertThat(http.get(path, token("ADMIN")).status()).isEqualTo(403);
        assertThat(http.get(path, partnerToken(uniquePartner("nosy"))).status()).isEqualTo(403);
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get(path, AUDITOR).body().get("total").asLong()).isZero();
    }

    static EventEnvelope unknown(String aggregateId, long sequence) {
        return EnvelopeSeal.sealed(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                "SomethingNewer", "FutureAggregate", aggregateId, sequence, 1_000_000 - sequence, Fixtures.now(),
                Map.of("actorId", "system"), Fixtures.CODEC.mapper().createObjectNode().put("n", sequence)));
    }

    static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(name).asText()));
        return values;
    }
}

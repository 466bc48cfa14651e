package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff's review queue: order, review clock, the first-to-register check and possible duplicates. */
class ReviewQueueIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");
    static final String QUEUE = "/api/v1/review-queue";

    @Test
    void pendingRegistrationsOldestFirstWithTheirReviewClockAndTheFirstToRegisterCheck() {
        String partnerA = uniquePartner("qa");
        String partnerB = uniquePartner("qb");
        Fixtures.OpportunityStream shared = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        shared.opened();
        RegistrationSubmitted a = shared.submit(partnerA);
        Instant dueA = a.acceptedAt().plus(Duration.ofDays(2));
        shared.slaStarted(a, dueA);
        RegistrationSubmitted b = shared.submit(partnerB);
        Instant dueB = Fixtures.now().plus(Duration.ofDays(2));
        shared.slaStarted(b, dueB);
        Instant escalatedDue = Fixtures.now().minus(Duration.ofHours(1));
        shared.escalate(a, 2, escalatedDue);
        Fixtures.OpportunityStream alone = new Fixtures.OpportunityStream("DATA_CENTER");
        alone.opened();
        RegistrationSubmitted c = alone.submit(uniquePartner("qc"));
        alone.slaStarted(c, Fixtures.now().plus(Duration.ofDays(3)));
        publish(shared.envelopes());
        publish(alone.envelopes());
        awaitStored(shared.last());
        awaitStored(alone.last());

        Map<String, JsonNode> queue = queueItems(QUEUE, a, b, c);

        assertThat(queue.keySet()).as("oldest first").containsExactly(a.registrationId(), b.registrationId(),
                c.registrationId());
        JsonNode itemA = queue.get(a.registrationId());
        assertThat(itemA.get("opportunityId").asText()).isEqualTo(shared.opportunityId());
        assertThat(itemA.get("partnerId").asText()).isEqualTo(partnerA);
        assertThat(itemA.get("customer").get("legalName").asText()).isEqualTo(a.customer().legalName());
        assertThat(itemA.get("customer").get("taxId").asText()).isEqualTo(shared.customerKey());
        assertThat(itemA.get("customerKey").asText()).isEqualTo(shared.customerKey());
        assertThat(itemA.get("productLine").asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(itemA.get("estimatedValue").get("amount").asText()).isEqualTo("1250000.00");
        assertThat(Instant.parse(itemA.get("acceptedAt").asText())).isEqualTo(a.acceptedAt());
        assertThat(itemA.get("position").asInt()).isEqualTo(1);
        assertThat(itemA.get("level").asInt()).as("after ReviewEscalated").isEqualTo(2);
        assertThat(Instant.parse(itemA.get("slaDueAt").asText())).isEqualTo(escalatedDue);
        assertThat(itemA.get("slaBreached").asBoolean()).isTrue();
        assertThat(itemA.get("earlierActiveExists").asBoolean()).isFalse();
        assertThat(itemA.get("possibleDuplicates").isArray()).isTrue();
        JsonNode itemB = queue.get(b.registrationId());
        assertThat(itemB.get("position").asInt()).isEqualTo(2);
        assertThat(itemB.get("level").asInt()).isEqualTo(1);
        assertThat(Instant.parse(itemB.get("slaDueAt").asText())).isEqualTo(dueB);
        assertThat(itemB.get("slaBreached").asBoolean()).isFalse();
        assertThat(itemB.get("earlierActiveExists").asBoolean()).isTrue();
        assertThat(queue.get(c.registrationId()).get("earlierActiveExists").asBoolean()).isFalse();

        assertThat(queueItems(QUEUE + "?level=2", a, b, c).keySet()).containsExactly(a.registrationId());
        assertThat(queueItems(QUEUE + "?level=1", a, b, c).keySet()).containsExactly(b.registrationId(),
                c.registrationId());

        // Approved, the earlier registration leaves the queue but still ranks ahead of the later one.
        shared.approve(a, "10", 90);
        publish(shared.last());
        awaitStored(shared.last());
        Map<String, JsonNode> afterApproval = queueItems(QUEUE, a, b, c);
        assertThat(afterApproval.keySet()).containsExactly(b.registrationId(), c.registrationId());
        assertThat(afterApproval.get(b.registrationId()).get("earlierActiveExists").asBoolean()).isTrue();

        // Withdrawn, it no longer blocks: the later one becomes reviewable with a fresh clock at level 1.
        shared.withdraw(a, "customer went elsewhere");
        Instant freshDue = Fixtures.now().plus(Duration.ofDays(2));
        shared.becameReviewable(b, freshDue);
        publish(shared.envelopes().subList(shared.envelopes().size() - 2, shared.envelopes().size()));
        awaitStored(shared.last());
        JsonNode reviewable = queueItems(QUEUE, a, b, c).get(b.registrationId());
        assertThat(reviewable.get("earlierActiveExists").asBoolean()).isFalse();
        assertThat(reviewable.get("level").asInt()).isEqualTo(1);
        assertThat(Instant.parse(reviewable.get("slaDueAt").asText())).isEqualTo(freshDue);
    }

    @Test
    void theSameCustomerUnderATaxIdAndUnderADomainIsFlaggedBothWaysAsASimilarName() {
        Fixtures.OpportunityStream byTaxId = new Fixtures.OpportunityStream("RU:7707083893", "CLOUD_SERVICES");
        byTaxId.opened();
        String partner1 = uniquePartner("tax");
        RegistrationSubmitted r1 = byTaxId.submit(partner1,
                new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", null, null));
        Fixtures.OpportunityStream byDomain = new Fixtures.OpportunityStream("romashka-shop.ru", "CLOUD_SERVICES");
        byDomain.opened();
        String partner2 = uniquePartner("dom");
        RegistrationSubmitted r2 = byDomain.submit(partner2,
                new CustomerIdentity("Romashka LLC", "RU", null, "romashka-shop.ru", null));
        publish(byTaxId.envelopes());
        publish(byDomain.envelopes());
        awaitStored(byTaxId.last());
        awaitStored(byDomain.last());

        Map<String, JsonNode> queue = queueItems(QUEUE, r1, r2);

        JsonNode ofFirst = duplicate(queue.get(r1.registrationId()), r2.registrationId()).orElseThrow();
        assertThat(ofFirst.get("reason").asText()).isEqualTo("SIMILAR_NAME");
        assertThat(ofFirst.get("score").asDouble()).isEqualTo(1.0);
        assertThat(ofFirst.get("opportunityId").asText()).isEqualTo(byDomain.opportunityId());
        assertThat(ofFirst.get("partnerId").asText()).isEqualTo(partner2);
        assertThat(ofFirst.get("customerKey").asText()).isEqualTo("romashka-shop.ru");
        assertThat(ofFirst.get("legalName").asText()).isEqualTo("Romashka LLC");
        JsonNode ofSecond = duplicate(queue.get(r2.registrationId()), r1.registrationId()).orElseThrow();
        assertThat(ofSecond.get("reason").asText()).isEqualTo("SIMILAR_NAME");
        assertThat(ofSecond.get("score").asDouble()).isEqualTo(1.0);
        assertThat(ofSecond.get("customerKey").asText()).isEqualTo("RU:7707083893");
        assertThat(ofSecond.get("legalName").asText()).isEqualTo("ООО «Ромашка»");
        assertThat(queue.get(r1.registrationId()).get("position").asInt()).as("the ranking is untouched")
                .isEqualTo(1);

        // Only active registrations are candidates.
        byDomain.withdraw(r2, "entered twice");
        publish(byDomain.last());
        awaitStored(byDomain.last());
        assertThat(duplicate(queueItems(QUEUE, r1).get(r1.registrationId()), r2.registrationId())).isEmpty();
    }

    @Test
    void aShortNameWithTwoLettersSwappedIsStillFound() {
        String domain = "vsotok-" + UUID.randomUUID().toString().substring(0, 8) + ".ru";
        String taxId = Fixtures.uniqueTaxId();
        Fixtures.OpportunityStream original = new Fixtures.OpportunityStream(taxId, "DATA_CENTER");
        original.opened();
        RegistrationSubmitted r1 = original.submit(uniquePartner("v1"),
                new CustomerIdentity("АО «Восток»", "RU", taxId, null, null));
        Fixtures.OpportunityStream typo = new Fixtures.OpportunityStream(domain, "DATA_CENTER");
        typo.opened();
        RegistrationSubmitted r2 = typo.submit(uniquePartner("v2"),
                new CustomerIdentity("Vsotok JSC", "RU", null, domain, null));
        publish(original.envelopes());
        publish(typo.envelopes());
        awaitStored(original.last());
        awaitStored(typo.last());

        JsonNode found = duplicate(queueItems(QUEUE, r1).get(r1.registrationId()), r2.registrationId())
                .orElseThrow();

        assertThat(found.get("reason").asText()).isEqualTo("SIMILAR_NAME");
        assertThat(found.get("score").asDouble()).isBetween(0.88, 0.99);
    }

    @Test
    void registrationsSharingADomainUnderDifferentKeysAreFlaggedAsTheSameDomain() {
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".ru";
        String taxId = Fixtures.uniqueTaxId();
        Fixtures.OpportunityStream withTaxId = new Fixtures.OpportunityStream(taxId, "COLLABORATION");
        withTaxId.opened();
        RegistrationSubmitted r1 = withTaxId.submit(uniquePartner("acme1"),
                new CustomerIdentity("Acme Trading", "RU", taxId, domain, null));
        Fixtures.OpportunityStream byDomain = new Fixtures.OpportunityStream(domain, "COLLABORATION");
        byDomain.opened();
        RegistrationSubmitted r2 = byDomain.submit(uniquePartner("acme2"),
                new CustomerIdentity("Zeta Holdings", "RU", null, domain, null));
        publish(withTaxId.envelopes());
        publish(byDomain.envelopes());
        awaitStored(withTaxId.last());
        awaitStored(byDomain.last());

        Map<String, JsonNode> queue = queueItems(QUEUE, r1, r2);

        JsonNode ofFirst = duplicate(queue.get(r1.registrationId()), r2.registrationId()).orElseThrow();
        JsonNode ofSecond = duplicate(queue.get(r2.registrationId()), r1.registrationId()).orElseThrow();
        assertThat(ofFirst.get("reason").asText()).isEqualTo("SAME_DOMAIN");
        assertThat(ofFirst.get("score").asDouble()).isEqualTo(1.0);
        assertThat(ofFirst.get("customerKey").asText()).isEqualTo(domain);
        assertThat(ofSecond.get("reason").asText()).isEqualTo("SAME_DOMAIN");
        assertThat(ofSecond.get("customerKey").asText()).isEqualTo(taxId);
        assertThat(ofSecond.get("legalName").asText()).isEqualTo("Acme Trading");
    }

    @Test
    void onlyReviewersReadTheQueue() {
        assertThat(http.get(QUEUE, token("CHANNEL_DIRECTOR")).status()).isEqualTo(200);
        assertThat(http.get(QUEUE, token("ARBITRATION_COMMITTEE")).status()).isEqualTo(200);
        JsonNode page = http.get(QUEUE + "?size=1", MANAGER).body();
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(allItems(QUEUE, MANAGER).size());
        assertThat(http.get(QUEUE, partnerToken(uniquePartner("nosy"))).status()).isEqualTo(403);
        assertThat(http.get(QUEUE, token("AUDITOR")).status()).isEqualTo(403);
        assertThat(http.get(QUEUE, token("ADMIN")).status()).isEqualTo(403);
        assertThat(http.get(QUEUE, null).status()).isEqualTo(401);
        var badLevel = http.get(QUEUE + "?level=4", MANAGER);
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body().get("errors").get(0).get("field").asText()).isEqualTo("level");
        assertThat(http.get(QUEUE + "?level=x", MANAGER).status()).isEqualTo(400);
    }

    /** The queue items of these registrations, in queue order (the queue is shared by all tests). */
    Map<String, JsonNode> queueItems(String path, RegistrationSubmitted... registrations) {
        List<String> ids = new ArrayList<>();
        for (RegistrationSubmitted r : registrations) {
            ids.add(r.registrationId());
        }
        Map<String, JsonNode> mine = new LinkedHashMap<>();
        for (JsonNode item : allItems(path, MANAGER)) {
            if (ids.contains(item.get("registrationId").asText())) {
                mine.put(item.get("registrationId").asText(), item);
            }
        }
        return mine;
    }

    static Optional<JsonNode> duplicate(JsonNode item, String registrationId) {
        for (JsonNode d : item.get("possibleDuplicates")) {
            if (d.get("registrationId").asText().equals(registrationId)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}

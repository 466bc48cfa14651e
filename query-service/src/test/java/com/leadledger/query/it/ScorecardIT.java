package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.ingest.EventHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's scorecard through real HTTP, with events through real Kafka into real PostgreSQL: the partner reads
 * its own, staff, auditors and admins any; another partner's is not found; as of a past instant only what was
 * stored up to then counts; a bad or future asOf is a problem naming the field.
 */
class ScorecardIT extends QueryServiceITBase {

    @Autowired
    EventHistory history;

    private static String path(String partnerId) {
        return "/api/v1/partners/" + partnerId + "/scorecard";
    }

    @Test
    void aPartnerReadsItsOwnScorecardNowAndAsOfAPastInstantAndNeverAnotherPartners() {
        String own = uniquePartner("scored");
        String other = uniquePartner("rival");
        Fixtures.PartnerStream ownStream = new Fixtures.PartnerStream(own);
        ownStream.onboard("Scored Ltd", PartnerTier.SILVER, List.of("NETWORK_SECURITY", "DATA_CENTER"));
        Fixtures.PartnerStream otherStream = new Fixtures.PartnerStream(other);
        otherStream.onboard("Rival Ltd", PartnerTier.GOLD, List.of("NETWORK_SECURITY"));
        Fixtures.OpportunityStream first = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        first.opened();
        RegistrationSubmitted earlier = first.submit(own);
        first.submit(other);
        Fixtures.OpportunityStream second = new Fixtures.OpportunityStream("DATA_CENTER");
        second.opened();
        RegistrationSubmitted later = second.submit(own);
        publish(ownStream.envelopes());
        publish(otherStream.envelopes());
        publish(first.envelopes());
        publish(second.envelopes());
        assertThat(later.acceptedAt()).isAfter(earlier.acceptedAt());

        JsonNode now = awaitJson(path(own), partnerToken(own),
                card -> card.get("earlyRegistration").get("registrations").asLong() == 2);
        assertThat(now.get("partnerId").asText()).isEqualTo(own);
        assertThat(Instant.parse(now.get("asOf").asText())).isAfter(later.acceptedAt());
        assertThat(now.has("policyVersion")).isTrue();
        JsonNode early = now.get("earlyRegistration");
        int minDays = PointsRules.EarlyRegistration.of(history.policyInForceAt(Instant.parse(now.get("asOf").asText()))
                .map(PolicyPublished::policy).orElse(null)).minDaysBeforeClose();
        assertThat(early.get("earlyDays").asInt())
                .as("the minimum days before close of the policy in force (60 shipped; 31 without points rules)")
                .isEqualTo(minDays);
        assertThat(early.get("early").asLong()).as("both close in 2031, far more days ahead").isEqualTo(2);
        assertThat(new BigDecimal(early.get("earlyShare").asText())).isEqualByComparingTo("1");
        assertThat(early.get("quarters")).hasSize(3);
        assertThat(early.get("earlyRegistrationDrop").asBoolean()).isFalse();
        assertThat(now.toString()).doesNotContain(other);

        String asOf = earlier.acceptedAt().toString();
        JsonNode then = http.get(path(own) + "?asOf=" + asOf, partnerToken(own)).body();
        assertThat(Instant.parse(then.get("asOf").asText())).isEqualTo(earlier.acceptedAt());
        assertThat(then.get("earlyRegistration").get("registrations").asLong())
                .as("the registration made after asOf does not count").isEqualTo(1);
        assertThat(Instant.parse(then.get("earlyRegistration").get("to").asText())).isEqualTo(earlier.acceptedAt());

        var beforeOnboarding = http.get(path(own) + "?asOf=2020-01-01T00:00:00Z", partnerToken(own));
        assertThat(beforeOnboarding.status()).as("not a partner yet then").isEqualTo(404);

        var foreign = http.get(path(other), partnerToken(own));
        var missing = http.get(path(uniquePartner("ghost")), partnerToken(own));
        assertThat(foreign.status()).as("another partner's scorecard looks like a missing one").isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.body().get("code").asText()).isEqualTo(missing.body().get("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(foreign.text()).doesNotContain("Rival").doesNotContain("registrations");
        assertThat(http.get(path(other) + "?asOf=yesterday", partnerToken(own)).status())
                .as("another partner's id is not found whatever the asOf").isEqualTo(404);
    }

    @Test
    void staffAuditorsAndAdminsReadAnyPartnersScorecardWithOnlyThatPartnersFigures() {
        String alpha = uniquePartner("alpha");
        String beta = uniquePartner("beta");
        Fixtures.PartnerStream alphaStream = new Fixtures.PartnerStream(alpha);
        alphaStream.onboard("Alpha Ltd", PartnerTier.SILVER, List.of("NETWORK_SECURITY"));
        Fixtures.PartnerStream betaStream = new Fixtures.PartnerStream(beta);
        betaStream.onboard("Beta Ltd", PartnerTier.GOLD, List.of("NETWORK_SECURITY"));
        Fixtures.OpportunityStream opportunity = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        opportunity.opened();
        opportunity.submit(alpha);
        opportunity.submit(beta);
        Fixtures.OpportunityStream another = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        another.opened();
        another.submit(beta);
        publish(alphaStream.envelopes());
        publish(betaStream.envelopes());
        publish(opportunity.envelopes());
        publish(another.envelopes());

        for (String role : List.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE", "AUDITOR",
                "ADMIN")) {
            JsonNode a = awaitJson(path(alpha), token(role),
                    card -> card.get("earlyRegistration").get("registrations").asLong() == 1);
            assertThat(a.get("partnerId").asText()).as(role).isEqualTo(alpha);
            JsonNode b = awaitJson(path(beta), token(role),
                    card -> card.get("earlyRegistration").get("registrations").asLong() == 2);
            assertThat(b.get("partnerId").asText()).as(role).isEqualTo(beta);
        }

        var unknown = http.get(path(uniquePartner("ghost")), token("AUDITOR"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("NOT_FOUND");
        var anonymous = http.get(path(alpha), null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void anUnparsableOrFutureAsOfIsAProblemNamingTheField() {
        String partner = uniquePartner("asof");
        Fixtures.PartnerStream stream = new Fixtures.PartnerStream(partner);
        stream.onboard("AsOf Ltd", PartnerTier.REGISTERED, List.of("COLLABORATION"));
        publish(stream.envelopes());
        awaitJson(path(partner), partnerToken(partner), card -> true);

        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", future)) {
            var answer = http.get(path(partner) + "?asOf=" + bad, partnerToken(partner));
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(answer.body().get("code").asText()).as(bad).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.body().get("errors").get(0).get("field").asText()).as(bad).isEqualTo("asOf");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointWithItsTagExampleAndProblems() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode get = docs.body().get("paths").get("/api/v1/partners/{partnerId}/scorecard").get("get");
        assertThat(get.get("tags").get(0).asText()).isEqualTo("program");
        assertThat(get.get("summary").asText()).isNotBlank();
        assertThat(get.get("description").asText()).contains("another partner's id is 404");
        JsonNode ok = get.get("responses").get("200").get("content").get("application/json");
        assertThat(ok.get("examples").get("scorecard").get("value").toString()).contains("earlyRegistration");
        for (String status : List.of("400", "401", "403", "404")) {
            assertThat(get.get("responses").get(status).get("content").has("application/problem+json"))
                    .as(status).isTrue();
        }
        List<String> tags = new ArrayList<>();
        docs.body().get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertThat(tags).contains("program");
    }
}

package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerApiIT extends QueryServiceITBase {

    static final String MANAGER = token("CHANNEL_MANAGER");

    @Test
    void staffAuditorsAndAdminsReadPartnersWithTheirCurrentTermsAndStatus() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.PartnerStream alpha = new Fixtures.PartnerStream(uniquePartner("alpha"));
        PartnerOnboarded onboarded = alpha.onboard("Alpha Integrator " + tag, PartnerTier.SILVER,
                List.of("NETWORK_SECURITY"));
        alpha.changeTier(PartnerTier.SILVER, PartnerTier.GOLD);
        alpha.changeProductLines(List.of("NETWORK_SECURITY", "DATA_CENTER"));
        Fixtures.PartnerStream beta = new Fixtures.PartnerStream(uniquePartner("beta"));
        beta.onboard("Beta Reseller " + tag, PartnerTier.REGISTERED, List.of("COLLABORATION"));
        PartnerSuspended suspended = beta.suspend("contract under review");
        publish(alpha.envelopes());
        publish(beta.envelopes());
        String alphaId = onboarded.partnerId();
        String betaId = suspended.partnerId();

        JsonNode a = awaitJson("/api/v1/partners/" + alphaId, MANAGER,
                p -> p.get("productLines").size() == 2);
        assertThat(a.get("partnerId").asText()).isEqualTo(alphaId);
        assertThat(a.get("name").asText()).isEqualTo("Alpha Integrator " + tag);
        assertThat(a.get("tier").asText()).isEqualTo("GOLD");
        assertThat(a.get("productLines").get(0).asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(a.get("productLines").get(1).asText()).isEqualTo("DATA_CENTER");
        assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(a.get("webhookUrl").asText()).isEqualTo("https://hooks.example/" + alphaId);
        assertThat(Instant.parse(a.get("onboardedAt").asText())).isEqualTo(onboarded.onboardedAt());
        assertThat(a.get("penaltyPoints").asInt()).isZero();
        assertThat(Instant.parse(a.get("updatedAt").asText())).isAfter(onboarded.onboardedAt());
        assertThat(a.get("suspendedAt").isNull()).isTrue();

        JsonNode b = awaitJson("/api/v1/partners/" + betaId, token("AUDITOR"),
                p -> p.get("status").asText().equals("SUSPENDED"));
        assertThat(b.get("suspensionReason").asText()).isEqualTo("contract under review");
        assertThat(Instant.parse(b.get("suspendedAt").asText())).isEqualTo(suspended.suspendedAt());
        assertThat(http.get("/api/v1/partners/" + betaId, token("ADMIN")).status()).isEqualTo(200);

        assertThat(names(allItems("/api/v1/partners", token("CHANNEL_DIRECTOR")), tag))
                .containsExactly("Alpha Integrator " + tag, "Beta Reseller " + tag);
        assertThat(names(allItems("/api/v1/partners?status=SUSPENDED", MANAGER), tag))
                .containsExactly("Beta Reseller " + tag);
        assertThat(names(allItems("/api/v1/partners?status=ACTIVE", token("ARBITRATION_COMMITTEE")), tag))
                .containsExactly("Alpha Integrator " + tag);
        JsonNode paged = http.get("/api/v1/partners?size=1", MANAGER).body();
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("total").asLong())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM partner_view").query(Long.class).single());

        beta.reinstate();
        publish(beta.envelopes().get(beta.envelopes().size() - 1));
        JsonNode reinstated = awaitJson("/api/v1/partners/" + betaId, MANAGER,
                p -> p.get("status").asText().equals("ACTIVE"));
        assertThat(reinstated.get("suspendedAt").isNull()).isTrue();
        assertThat(reinstated.get("suspensionReason").isNull()).isTrue();
    }

    @Test
    void aPartnerReadsOnlyItsOwnRecordAndNoListAndAnonymousCallersAreRefused() {
        String own = uniquePartner("curious");
        String other = uniquePartner("neighbour");
        Fixtures.PartnerStream ownStream = new Fixtures.PartnerStream(own);
        ownStream.onboard("Curious Ltd", PartnerTier.SILVER, List.of("NETWORK_SECURITY"));
        Fixtures.PartnerStream otherStream = new Fixtures.PartnerStream(other);
        otherStream.onboard("Neighbour Ltd", PartnerTier.GOLD, List.of("DATA_CENTER"));
        publish(ownStream.envelopes());
        publish(otherStream.envelopes());
        awaitJson("/api/v1/partners/" + other, MANAGER, view -> true);

        JsonNode record = awaitJson("/api/v1/partners/" + own, partnerToken(own), view -> true);
        assertThat(record.get("tier").asText()).isEqualTo("SILVER");
        assertThat(record.get("productLines").get(0).asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(record.get("penaltyPoints").asInt()).isZero();

        var foreign = http.get("/api/v1/partners/" + other, partnerToken(own));
        var missing = http.get("/api/v1/partners/" + uniquePartner("ghost"), partnerToken(own));
        assertThat(foreign.status()).as("another partner's record looks like a missing one").isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.body().get("code").asText()).isEqualTo(missing.body().get("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(foreign.text()).doesNotContain("Neighbour").doesNotContain("GOLD");

        var list = http.get("/api/v1/partners", partnerToken(own));
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.body().get("code").asText()).isEqualTo("FORBIDDEN");
        for (String path : List.of("/api/v1/partners", "/api/v1/partners/" + own)) {
            var anonymous = http.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void anUnknownPartnerIsNotFoundAndAnUnknownStatusIsRefused() {
        var missing = http.get("/api/v1/partners/" + uniquePartner("ghost"), MANAGER);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("code").asText()).isEqualTo("NOT_FOUND");

        var bad = http.get("/api/v1/partners?status=GONE", MANAGER);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
    }

    static List<String> names(List<JsonNode> partners, String tag) {
        List<String> names = new ArrayList<>();
        partners.forEach(p -> {
            if (p.get("name").asText().endsWith(tag)) {
                names.add(p.get("name").asText());
            }
        });
        return names;
    }
}

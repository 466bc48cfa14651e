package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors find registrations by INN, domain, part of the company name, or an id; nobody else may search. */
class AuditSearchIT extends QueryServiceITBase {

    static final String AUDITOR = token("AUDITOR");

    @Test
    void anAuditorFindsARegistrationByInnDomainNameOrId() {
        String partner = uniquePartner("searched");
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        String inn = stream.customerKey().substring("RU:".length());
        String word = "Zvezda" + UUID.randomUUID().toString().substring(0, 8);
        stream.opened();
        RegistrationSubmitted submitted = stream.submit(partner,
                new CustomerIdentity("ООО «" + word + " Systems»", "RU", stream.customerKey(),
                        word.toLowerCase() + ".example", null));
        publish(stream.envelopes());
        stream.envelopes().forEach(this::awaitStored);
        eventually().until(() -> http.get("/api/v1/registrations/" + submitted.registrationId(), AUDITOR).status() == 200);

        for (String q : new String[]{inn, " " + stream.customerKey() + " ", word.toUpperCase() + ".EXAMPLE",
                word.toLowerCase() + " systems", submitted.registrationId(), stream.opportunityId()}) {
            JsonNode found = http.get("/api/v1/audit/search?q=" + encode(q), AUDITOR).body();
            assertThat(found.get("items").findValuesAsText("registrationId")).as(q)
                    .containsExactly(submitted.registrationId());
            assertThat(found.get("total").asLong()).as(q).isEqualTo(1);
        }
        JsonNode hit = http.get("/api/v1/audit/search?q=" + inn, AUDITOR).body().get("items").get(0);
        assertThat(hit.get("opportunityId").asText()).isEqualTo(stream.opportunityId());
        assertThat(hit.get("partnerId").asText()).isEqualTo(partner);
        assertThat(hit.get("legalName").asText()).contains(word);
        assertThat(hit.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(http.get("/api/v1/audit/search?q=" + encode("no such company " + UUID.randomUUID()), AUDITOR)
                .body().get("total").asLong()).isZero();
    }

    @Test
    void onlyAuditorsSearchAndAnEmptyQueryIsAProblemNamingTheField() {
        assertThat(http.get("/api/v1/audit/search?q=x", token("CHANNEL_MANAGER")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/search?q=x", partnerToken("P-1001")).status()).isEqualTo(403);
        Http.Response empty = http.get("/api/v1/audit/search?q=%20", AUDITOR);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asText()).isEqualTo("q");
    }

    private static String encode(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }
}

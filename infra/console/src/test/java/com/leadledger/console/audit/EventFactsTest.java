package com.leadledger.console.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyValueOfThePayloadIsShownUnderItsPath() {
        var payload = json.readTree("""
                {"partnerId": "P-1002", "points": 10, "revoked": true, "reason": null,
                 "customer": {"legalName": "ООО «Ромашка»", "taxId": "RU:7707083893"},
                 "productLines": ["NETWORK_SECURITY", "DATA_CENTER"]}""");

        assertThat(EventFacts.of(payload)).containsExactly(
                new EventFacts.Fact("partnerId", "P-1002"),
                new EventFacts.Fact("points", "10"),
                new EventFacts.Fact("revoked", "true"),
                new EventFacts.Fact("customer.legalName", "ООО «Ромашка»"),
                new EventFacts.Fact("customer.taxId", "RU:7707083893"),
                new EventFacts.Fact("productLines", "NETWORK_SECURITY, DATA_CENTER"));
    }

    @Test
    void deeperObjectsAndListsOfObjectsAreShownAsCompactJsonShortened() {
        var payload = json.readTree("""
                {"document": {"tiers": {"GOLD": {"maxDiscountPercent": 15}}},
                 "documents": [{"name": "quote.pdf", "sha256": "%s"}]}""".formatted("ab".repeat(150)));

        var facts = EventFacts.of(payload);

        assertThat(facts).first().isEqualTo(new EventFacts.Fact("document.tiers", "{\"GOLD\":{\"maxDiscountPercent\":15}}"));
        assertThat(facts.get(1).path()).isEqualTo("documents");
        assertThat(facts.get(1).value()).startsWith("[{\"name\":\"quote.pdf\"").endsWith("…")
                .hasSize(EventFacts.LONGEST);
    }

    @Test
    void noPayloadNoFacts() {
        assertThat(EventFacts.of(null)).isEmpty();
        assertThat(EventFacts.of(json.readTree("[]"))).isEmpty();
    }
}

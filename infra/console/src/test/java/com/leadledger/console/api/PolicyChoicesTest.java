package com.leadledger.console.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyChoicesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theProductLinesAreThePolicysOwnInItsOrder() {
        JsonNode policy = JSON.readTree("""
                {"productLines": {"CLOUD_SERVICES": {}, "DATA_CENTER": {}, "ROBOTICS": {}}}""");

        assertThat(PolicyChoices.productLinesOf(policy)).containsExactly("CLOUD_SERVICES", "DATA_CENTER", "ROBOTICS");
    }

    @Test
    void tiersWithoutAnOrderRiseWithTheirMaximumDiscount() {
        JsonNode policy = JSON.readTree("""
                {"tiers": {"GOLD": {"protectionDays": 90, "maxDiscountPercent": "15"},
                           "PLATINUM": {"protectionDays": 120, "maxDiscountPercent": "20"},
                           "REGISTERED": {"protectionDays": 60, "maxDiscountPercent": "5"},
                           "SILVER": {"protectionDays": 90, "maxDiscountPercent": "10"}}}""");

        assertThat(PolicyChoices.tiersOf(policy)).containsExactly("REGISTERED", "SILVER", "GOLD", "PLATINUM");
    }

    @Test
    void tiersWithAnOrderFollowIt() {
        JsonNode policy = JSON.readTree("""
                {"tiers": {"BRONZE": {"order": 2, "maxDiscountPercent": "1"},
                           "ENTRY": {"order": 1, "maxDiscountPercent": "9"}}}""");

        assertThat(PolicyChoices.tiersOf(policy)).containsExactly("ENTRY", "BRONZE");
    }

    @Test
    void aPolicyWithoutTheSectionsOffersNothing() {
        assertThat(PolicyChoices.productLinesOf(JSON.readTree("{}"))).isEmpty();
        assertThat(PolicyChoices.tiersOf(JSON.readTree("{}"))).isEmpty();
    }
}

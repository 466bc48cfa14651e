package com.leadledger.console.api;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The product lines and tiers the policy in force offers, read from the command service for each page that offers
 * them: a line or tier a new policy version adds appears in the forms without a console release.
 */
@Component
public class PolicyChoices {

    private final LeadLedgerApi api;

    PolicyChoices(LeadLedgerApi api) {
        this.api = api;
    }

    public List<String> productLines() {
        return productLinesOf(policyInForce());
    }

    public List<String> tiers() {
        return tiersOf(policyInForce());
    }

    private JsonNode policyInForce() {
        return api.readCommand("/api/v1/policies/current", JsonNode.class).path("policy");
    }

    /** The policy's product lines, in its order. */
    static List<String> productLinesOf(JsonNode policy) {
        return List.copyOf(policy.path("productLines").propertyNames());
    }

    /**
     * The policy's tiers from the lowest up: by their {@code order} where the policy gives one, otherwise by their
     * maximum discount (which rises with the tier in every policy published before tiers had an order).
     */
    static List<String> tiersOf(JsonNode policy) {
        List<Map.Entry<String, JsonNode>> tiers = new ArrayList<>(policy.path("tiers").properties());
        tiers.sort(Comparator.<Map.Entry<String, JsonNode>>comparingInt(t -> t.getValue().path("order").asInt(0))
                .thenComparing(t -> new BigDecimal(t.getValue().path("maxDiscountPercent").asString("0")))
                .thenComparing(Map.Entry::getKey));
        return tiers.stream().map(Map.Entry::getKey).toList();
    }
}

package com.leadledger.console.api;

import com.leadledger.console.signin.SignInExpired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

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

    private static final Logger log = LoggerFactory.getLogger(PolicyChoices.class);

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

    /** The policy in force; when the command service cannot be asked, none: the page then offers no choices. */
    private JsonNode policyInForce() {
        try {
            return api.readCommand("/api/v1/policies/current", JsonNode.class).path("policy");
        } catch (SignInExpired expired) {
            throw expired;
        } catch (RuntimeException unavailable) {
            log.warn("the policy in force could not be read, so the page offers no product lines or tiers: {}",
                    unavailable.toString());
            return MissingNode.getInstance();
        }
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

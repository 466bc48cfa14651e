package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.kit.domain.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.leadledger.command.policy.PolicyFieldChecks.percent;
import static com.leadledger.command.policy.PolicyFieldChecks.range;

/**
 * The checks of a policy's tiers: every tier of the version in force kept, at least one tier, upper-case names, sensible benefits, a distinct order for every
 * tier when any gives one, and qualification rules that name offered product lines and have a program currency to
 * count revenue in.
 */
final class TierPolicyRules {

    static final String TIER_NAME = "[A-Z][A-Z0-9_]{1,31}";

    private final List<FieldProblem> errors = new ArrayList<>();

    private TierPolicyRules() {
    }

    /** The tier problems of {@code policy}, which keeps every tier of the version in force ({@code tiersInForce}). */
    static List<FieldProblem> problemsOf(PolicyDocument policy, List<String> tiersInForce) {
        TierPolicyRules rules = new TierPolicyRules();
        rules.check(policy, tiersInForce);
        return rules.errors;
    }

    private void check(PolicyDocument p, List<String> tiersInForce) {
        tiersInForce.stream().filter(t -> p.tiers() == null || !p.tiers().containsKey(t))
                .forEach(t -> add("tiers." + t, "is required: partners may hold this tier of the version in force "
                        + "(a new version may add tiers and change their rules, never drop one)"));
        if (p.tiers() == null || p.tiers().isEmpty()) {
            if (tiersInForce.isEmpty()) {
                add("tiers", "must define at least one tier");
            }
            return;
        }
        boolean anyOrder = p.tiers().values().stream().anyMatch(rule -> rule != null && rule.order() != null);
        Map<Integer, String> orders = new HashMap<>();
        p.tiers().forEach((name, rule) -> {
            String path = "tiers." + name;
            if (!name.matches(TIER_NAME)) {
                add(path, "tier names are 2-32 upper-case letters, digits and '_', starting with a letter");
            }
            if (rule == null) {
                add(path, "is required");
                return;
            }
            range(errors, path + ".protectionDays", rule.protectionDays(), 1, 3650);
            percent(errors, path + ".maxDiscountPercent", rule.maxDiscountPercent());
            if (anyOrder && rule.order() == null) {
                add(path + ".order", "is required when any tier gives an order");
            } else if (rule.order() != null) {
                range(errors, path + ".order", rule.order(), 0, 1000);
                String same = orders.putIfAbsent(rule.order(), name);
                if (same != null) {
                    add(path + ".order", "must differ from tier " + same + "'s");
                }
            }
            if (rule.extension() != null) {
                range(errors, path + ".extension.maxCount", rule.extension().maxCount(), 0, 10);
                range(errors, path + ".extension.maxDays", rule.extension().maxDays(), 1, 365);
            }
            checkQualification(path + ".qualification", rule.qualification(), p);
        });
    }

    private void checkQualification(String path, PolicyDocument.TierQualification q, PolicyDocument p) {
        if (q == null) {
            return;
        }
        if (q.minWonRevenue() != null) {
            if (q.minWonRevenue().signum() < 0) {
                add(path + ".minWonRevenue", "must be zero or more");
            }
            if (p.program() == null || p.program().currency() == null) {
                add(path + ".minWonRevenue", "needs the program section's currency to count revenue in");
            }
        }
        q.minCertifiedSpecialists().forEach((line, count) -> {
            String field = path + ".minCertifiedSpecialists." + line;
            if (!p.offersProductLine(line)) {
                add(field, "is not a product line of this policy");
            }
            if (count == null || count < 1 || count > 1000) {
                add(field, "must be between 1 and 1000");
            }
        });
        if (q.maxPenaltyPoints() != null) {
            range(errors, path + ".maxPenaltyPoints", q.maxPenaltyPoints(), 0, 100_000);
        }
        if (q.minEarlyShare() != null
                && (q.minEarlyShare().signum() < 0 || q.minEarlyShare().compareTo(BigDecimal.ONE) > 0)) {
            add(path + ".minEarlyShare", "must be between 0 and 1 (a share, 0.25 = 25 %)");
        }
    }

    private void add(String field, String message) {
        PolicyFieldChecks.add(errors, field, message);
    }
}

package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.kit.domain.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.leadledger.command.policy.PolicyFieldChecks.percent;

/**
 * The policy's rebate schedule is complete and sensible; every problem names its field below
 * {@code program.rebates}. Called once from {@link PolicyRules}.
 */
final class RebatePolicyRules {

    private static final String PATH = "program.rebates";
    private static final Set<Integer> INSTALLMENTS = Set.of(1, 2, 3, 4, 6, 12);

    private final List<FieldProblem> problems = new ArrayList<>();

    private RebatePolicyRules() {
    }

    /**
     * A new version keeps the accrual of the version in force: a quarter and the year holding it are different
     * periods, so changing how rebates accrue would count the same won deals twice.
     */
    static List<FieldProblem> accrualChangeProblems(RebateRules.Accrual inForce, PolicyDocument policy) {
        RebateRules.Accrual next = accrualOf(policy);
        if (inForce == null || next == null || next == inForce) {
            return List.of();
        }
        return List.of(new FieldProblem(PATH + ".accrual", "must stay " + inForce + " as in the version in force: "
                + "a change would count the deals of a period twice", "POLICY_INVALID"));
    }

    /** How the policy's rebates accrue; null when it has no rebate schedule. */
    static RebateRules.Accrual accrualOf(PolicyDocument policy) {
        return policy.program() == null || policy.program().rebates() == null ? null
                : policy.program().rebates().accrual();
    }

    /** The problems of the policy's rebate schedule; none when the policy has no program or no rebate schedule. */
    static List<FieldProblem> problemsOf(PolicyDocument policy) {
        RebatePolicyRules check = new RebatePolicyRules();
        if (policy.program() != null && policy.program().rebates() != null) {
            check.check(policy.program().rebates(), policy.productLines());
        }
        return List.copyOf(check.problems);
    }

    private void check(RebateRules rules, Map<String, PolicyDocument.ProductLineRule> catalogue) {
        if (rules.accrual() == null) {
            add(PATH + ".accrual", "must be QUARTERLY or ANNUAL");
        }
        if (rules.seasonMonths() == null) {
            add(PATH + ".seasonMonths", "is required (may be empty)");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < rules.seasonMonths().size(); i++) {
                Integer month = rules.seasonMonths().get(i);
                if (month == null || month < 1 || month > 12 || !seen.add(month)) {
                    add(PATH + ".seasonMonths[" + i + "]", "must be a month 1 to 12, each listed once");
                }
            }
        }
        if (rules.annualPayoutInstallments() == null || !INSTALLMENTS.contains(rules.annualPayoutInstallments())) {
            add(PATH + ".annualPayoutInstallments", "must be one of 1, 2, 3, 4, 6, 12");
        }
        if (rules.productLines() == null || rules.productLines().isEmpty()) {
            add(PATH + ".productLines", "must give the brackets of at least one product line");
            return;
        }
        rules.productLines().forEach((line, schedule) -> {
            String path = PATH + ".productLines." + line;
            if (catalogue == null || !catalogue.containsKey(line)) {
                add(path, "is not a product line of this policy");
            }
            if (schedule == null) {
                add(path, "is required");
                return;
            }
            if (schedule.minimumBaseline() == null || schedule.minimumBaseline().signum() <= 0) {
                add(path + ".minimumBaseline", "must be more than zero");
            }
            checkBrackets(path + ".season", schedule.season());
            checkBrackets(path + ".offSeason", schedule.offSeason());
        });
    }

    private void checkBrackets(String path, List<RebateRules.Bracket> brackets) {
        if (brackets == null || brackets.size() < 3 || brackets.size() > 5) {
            add(path, "must give 3 to 5 brackets, the last one open-ended");
            return;
        }
        BigDecimal previous = null;
        for (int i = 0; i < brackets.size(); i++) {
            RebateRules.Bracket bracket = brackets.get(i);
            String at = path + "[" + i + "]";
            if (bracket == null || bracket.fromPercent() == null || bracket.ratePercent() == null) {
                add(at, "must give fromPercent and ratePercent");
                previous = null;
                continue;
            }
            if (i == 0 && bracket.fromPercent().compareTo(PolicyFieldChecks.HUNDRED) != 0) {
                add(at + ".fromPercent", "must be 100 (the first bracket starts at last year's volume)");
            } else if (previous != null && bracket.fromPercent().compareTo(previous) <= 0) {
                add(at + ".fromPercent", "must be more than the previous bracket's fromPercent");
            }
            percent(problems, at + ".ratePercent", bracket.ratePercent());
            previous = bracket.fromPercent();
        }
    }

    private void add(String field, String message) {
        PolicyFieldChecks.add(problems, field, message);
    }
}

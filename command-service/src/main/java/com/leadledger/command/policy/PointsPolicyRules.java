package com.leadledger.command.policy;

import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.kit.domain.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a policy's {@code program.points} section (the points ledger's rules); every problem names its field
 * path.
 */
final class PointsPolicyRules {

    private static final String RULE = "POLICY_INVALID";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final List<FieldProblem> errors = new ArrayList<>();

    private PointsPolicyRules() {
    }

    /** The problems of the program's points rules; none for a policy without a program. */
    static List<FieldProblem> problemsOf(ProgramRules program) {
        PointsPolicyRules rules = new PointsPolicyRules();
        if (program != null) {
            rules.check(program.points());
        }
        return rules.errors;
    }

    private void check(PointsRules points) {
        if (points == null) {
            add("program.points", "is required");
            return;
        }
        range("program.points.registrationApproved", points.registrationApproved(), 0, 1_000_000);
        if (points.earlyRegistration() != null) {
            range("program.points.earlyRegistration.minDaysBeforeClose",
                    points.earlyRegistration().minDaysBeforeClose(), 1, 3650);
            range("program.points.earlyRegistration.points", points.earlyRegistration().points(), 0, 1_000_000);
        }
        range("program.points.wonPer100000", points.wonPer100000(), 0, 1_000_000);
        range("program.points.perPenaltyPoint", points.perPenaltyPoint(), 0, 1_000_000);
        range("program.points.expiryDays", points.expiryDays(), 1, 3650);
        PointsRules.Redemption redemption = points.redemption();
        if (redemption == null) {
            add("program.points.redemption", "is required");
            return;
        }
        String path = "program.points.redemption.";
        range(path + "periodDays", redemption.periodDays(), 1, 366);
        range(path + "maxPointsPerPartner", redemption.maxPointsPerPartner(), 0, 100_000_000);
        range(path + "maxPointsPerIndividual", redemption.maxPointsPerIndividual(), 0, 100_000_000);
        if (redemption.maxPointsPerIndividual() > redemption.maxPointsPerPartner()) {
            add(path + "maxPointsPerIndividual", "must not exceed maxPointsPerPartner");
        }
        positive(path + "marketingFundCreditPerPoint", redemption.marketingFundCreditPerPoint());
        positive(path + "extraDiscountPercentPerPoint", redemption.extraDiscountPercentPerPoint());
        BigDecimal max = redemption.maxExtraDiscountPercent();
        if (max == null || max.signum() < 0 || max.compareTo(HUNDRED) > 0) {
            add(path + "maxExtraDiscountPercent", "must be between 0 and 100");
        }
    }

    private void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            add(field, "must be more than 0");
        }
    }

    private void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max);
        }
    }

    private void add(String field, String message) {
        errors.add(new FieldProblem(field, message, RULE));
    }
}

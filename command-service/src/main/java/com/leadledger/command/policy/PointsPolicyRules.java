package com.leadledger.command.policy;

import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.kit.domain.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static com.leadledger.command.policy.PolicyFieldChecks.percent;
import static com.leadledger.command.policy.PolicyFieldChecks.positive;
import static com.leadledger.command.policy.PolicyFieldChecks.range;

/**
 * The checks of a policy's {@code program.points} section (the points ledger's rules); every problem names its field
 * path.
 */
final class PointsPolicyRules {


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
        range(errors, "program.points.registrationApproved", points.registrationApproved(), 0, 1_000_000);
        if (points.earlyRegistration() != null) {
            range(errors, "program.points.earlyRegistration.minDaysBeforeClose",
                    points.earlyRegistration().minDaysBeforeClose(), 1, 3650);
            range(errors, "program.points.earlyRegistration.points", points.earlyRegistration().points(), 0, 1_000_000);
        }
        range(errors, "program.points.wonPer100000", points.wonPer100000(), 0, 1_000_000);
        range(errors, "program.points.perPenaltyPoint", points.perPenaltyPoint(), 0, 1_000_000);
        range(errors, "program.points.expiryDays", points.expiryDays(), 1, 3650);
        PointsRules.Redemption redemption = points.redemption();
        if (redemption == null) {
            add("program.points.redemption", "is required");
            return;
        }
        String path = "program.points.redemption.";
        range(errors, path + "periodDays", redemption.periodDays(), 1, 366);
        range(errors, path + "maxPointsPerPartner", redemption.maxPointsPerPartner(), 0, 100_000_000);
        range(errors, path + "maxPointsPerIndividual", redemption.maxPointsPerIndividual(), 0, 100_000_000);
        if (redemption.maxPointsPerIndividual() > redemption.maxPointsPerPartner()) {
            add(path + "maxPointsPerIndividual", "must not exceed maxPointsPerPartner");
        }
        positive(errors, path + "marketingFundCreditPerPoint", redemption.marketingFundCreditPerPoint());
        positive(errors, path + "extraDiscountPercentPerPoint", redemption.extraDiscountPercentPerPoint());
        BigDecimal max = redemption.maxExtraDiscountPercent();
        percent(errors, path + "maxExtraDiscountPercent", max);
    }

    private void add(String field, String message) {
        PolicyFieldChecks.add(errors, field, message);
    }
}

package com.leadledger.command.policy;

import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PointsPolicyRulesTest {

    private static final ProgramRules DEFAULT = TestPolicies.defaultDocument().program();

    @Test
    void theDefaultPolicysPointsAreValid() {
        assertThat(DEFAULT.points().registrationApproved()).isEqualTo(10);
        assertThat(PointsPolicyRules.problemsOf(DEFAULT)).isEmpty();
        assertThat(PointsPolicyRules.problemsOf(null)).isEmpty();
    }

    @Test
    void namesEveryInvalidPointsField() {
        PointsRules.Redemption redemption = new PointsRules.Redemption(0, 10, 20, BigDecimal.ZERO, null,
                new BigDecimal("101"));
        PointsRules points = new PointsRules(-1, new PointsRules.EarlyRegistration(0, 5), 1, 10, 0, redemption);
        ProgramRules program = new ProgramRules("RUB", DEFAULT.exchangeRates(), points, DEFAULT.rebates());

        assertThat(PointsPolicyRules.problemsOf(program)).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "program.points.registrationApproved", "program.points.earlyRegistration.minDaysBeforeClose",
                "program.points.expiryDays", "program.points.redemption.periodDays",
                "program.points.redemption.maxPointsPerIndividual",
                "program.points.redemption.marketingFundCreditPerPoint",
                "program.points.redemption.extraDiscountPercentPerPoint",
                "program.points.redemption.maxExtraDiscountPercent");
        assertThat(PointsPolicyRules.problemsOf(new ProgramRules("RUB", DEFAULT.exchangeRates(), null, null)))
                .extracting(FieldProblem::field).containsExactly("program.points");
    }
}

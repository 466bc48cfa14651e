package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

public class RebatePolicyRulesTest {

    private static final PolicyDocument DEFAULT = TestPolicies.defaultDocument();

    @Test
    void theDefaultScheduleIsValid() {
        assertThat(DEFAULT.program().rebates().productLines()).containsKeys("NETWORK_SECURITY", "DATA_CENTER");
        assertThat(RebatePolicyRules.problemsOf(DEFAULT)).isEmpty();
    }

    @Test
    void refusesTooFewBracketsAFirstBracketNotAtLastYearsVolumeAndThresholdsNotRising() {
        RebateRules.LineSchedule schedule = new RebateRules.LineSchedule(BigDecimal.ZERO,
                List.of(bracket("100", "2"), bracket("120", "4")),
                List.of(bracket("90", "3"), bracket("120", "5"), bracket("120", "101")));
        RebateRules rules = new RebateRules(null, List.of(0, 12, 12), 5,
                new TreeMap<>(Map.of("NETWORK_SECURITY", schedule, "TOASTERS", schedule)));

        assertThat(RebatePolicyRules.problemsOf(with(rules))).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "program.rebates.accrual",
                "program.rebates.seasonMonths[0]",
                "program.rebates.seasonMonths[2]",
                "program.rebates.annualPayoutInstallments",
                "program.rebates.productLines.NETWORK_SECURITY.minimumBaseline",
                "program.rebates.productLines.NETWORK_SECURITY.season",
                "program.rebates.productLines.NETWORK_SECURITY.offSeason[0].fromPercent",
                "program.rebates.productLines.NETWORK_SECURITY.offSeason[2].fromPercent",
                "program.rebates.productLines.NETWORK_SECURITY.offSeason[2].ratePercent",
                "program.rebates.productLines.TOASTERS",
                "program.rebates.productLines.TOASTERS.minimumBaseline",
                "program.rebates.productLines.TOASTERS.season",
                "program.rebates.productLines.TOASTERS.offSeason[0].fromPercent",
                "program.rebates.productLines.TOASTERS.offSeason[2].fromPercent",
                "program.rebates.productLines.TOASTERS.offSeason[2].ratePercent");
    }

    @Test
    void aPolicyWithoutRebatesHasNothingToCheck() {
        assertThat(RebatePolicyRules.problemsOf(with(null))).isEmpty();
    }

    /** The default policy with the given rebate schedule (none when null). */
    public static PolicyDocument with(RebateRules rules) {
        PolicyDocument d = DEFAULT;
        ProgramRules program = d.program();
        return new PolicyDocument(d.productLines(), d.tiers(), d.reviewSlaBusinessDays(), d.disputeSlaBusinessDays(),
                d.extension(), d.appealWindowDays(), d.maxCloseDateMonths(), d.calendar(), d.limits(),
                d.expiryReminderBusinessDays(), d.earlyRegistrationDropThreshold(),
                new ProgramRules(program.currency(), program.exchangeRates(), program.points(), rules));
    }

    private static RebateRules.Bracket bracket(String from, String rate) {
        return new RebateRules.Bracket(new BigDecimal(from), new BigDecimal(rate));
    }
}

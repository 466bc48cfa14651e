package com.leadledger.query.program;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.program.TierQualificationEvaluated;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard's tier part: current tier and benefits, the next tier's requirements and the progress towards them. */
class TierScorecardTest {

    static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    static final PolicyPublished POLICY = new PolicyPublished(3, policy(), T, "admin-1");

    static PolicyDocument policy() {
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>();
        tiers.put("REGISTERED", new PolicyDocument.TierRule(60, new BigDecimal("5"), 0, null,
                new PolicyDocument.TierQualification(null, null, null, null)));
        tiers.put("SILVER", new PolicyDocument.TierRule(90, new BigDecimal("10"), 1, null,
                new PolicyDocument.TierQualification(new BigDecimal("5000000"), null, 10, new BigDecimal("0.20"))));
        tiers.put("GOLD", new PolicyDocument.TierRule(90, new BigDecimal("15"), 2,
                new PolicyDocument.ExtensionRule(2, 45), new PolicyDocument.TierQualification(
                new BigDecimal("20000000"), new TreeMap<>(Map.of("NETWORK_SECURITY", 2)), 5, new BigDecimal("0.30"))));
        return new PolicyDocument(new TreeMap<>(Map.of("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(
                new TreeMap<>(Map.of("RUB", new BigDecimal("300000")))))), tiers, 2, List.of(2, 3, 5),
                new PolicyDocument.ExtensionRule(1, 30), 10, 12,
                new PolicyDocument.BusinessCalendar("Europe/Moscow", List.of(), List.of()), null, null, null,
                new ProgramRules("RUB", new TreeMap<>(), null, null));
    }

    static TierQualificationEvaluated evaluation(String revenue, int specialists, int penalty, String share) {
        return new TierQualificationEvaluated("P-1", "e-1", "run-1", LocalDate.parse("2026-11-22"),
                T.minusSeconds(365 * 86400L), T, 3, "RUB", new TreeMap<>(Map.of("RUB", new BigDecimal(revenue))),
                new BigDecimal(revenue), new TreeMap<>(Map.of("NETWORK_SECURITY", specialists)), penalty, 10, 4,
                share == null ? null : new BigDecimal(share), "SILVER", "SILVER", T);
    }

    static final List<LeadLedgerEvent> SILVER_PARTNER = List.of(
            new PartnerOnboarded("P-1", "Alpha", PartnerTier.REGISTERED, List.of("NETWORK_SECURITY"), null, T),
            new PartnerTierChanged("P-1", PartnerTier.REGISTERED, PartnerTier.SILVER, T, "e-0", null));

    @Test
    void showsTheTierItsBenefitsAndEachRuleOfTheNextTierWithTheFiguresOfTheLatestEvaluation() {
        List<LeadLedgerEvent> events = new java.util.ArrayList<>(SILVER_PARTNER);
        events.add(evaluation("3000000", 0, 9, null));
        events.add(evaluation("12000000", 1, 2, "0.4000"));

        TierScorecard.TierPart part = TierScorecard.of(events, POLICY);

        assertThat(part.tier()).isEqualTo("SILVER");
        assertThat(part.policyVersion()).isEqualTo(3);
        assertThat(part.benefits()).isEqualTo(new TierScorecard.Benefits(90, new BigDecimal("10"), 1, 30));
        assertThat(part.next().tier()).isEqualTo("GOLD");
        assertThat(part.next().benefits()).isEqualTo(new TierScorecard.Benefits(90, new BigDecimal("15"), 2, 45));
        assertThat(part.next().requirements()).containsExactly(
                new TierScorecard.Requirement("minWonRevenue", null, new BigDecimal("20000000"),
                        new BigDecimal("12000000"), false, new BigDecimal("60.0")),
                new TierScorecard.Requirement("minCertifiedSpecialists", "NETWORK_SECURITY", BigDecimal.valueOf(2),
                        BigDecimal.valueOf(1), false, new BigDecimal("50.0")),
                new TierScorecard.Requirement("maxPenaltyPoints", null, BigDecimal.valueOf(5), BigDecimal.valueOf(2),
                        true, null),
                new TierScorecard.Requirement("minEarlyShare", null, new BigDecimal("0.30"), new BigDecimal("0.4000"),
                        true, new BigDecimal("100")));
        assertThat(part.evaluation().evaluationId()).isEqualTo("e-1");
    }

    @Test
    void showsTheRequirementsWithoutFiguresBeforeAnyEvaluationAndNoNextTierAtTheTop() {
        TierScorecard.TierPart silver = TierScorecard.of(SILVER_PARTNER, POLICY);

        assertThat(silver.evaluation()).isNull();
        assertThat(silver.next().requirements()).extracting(TierScorecard.Requirement::actual).containsOnlyNulls();

        List<LeadLedgerEvent> gold = new java.util.ArrayList<>(SILVER_PARTNER);
        gold.add(new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.GOLD, T));
        TierScorecard.TierPart top = TierScorecard.of(gold, POLICY);
        assertThat(top.tier()).isEqualTo("GOLD");
        assertThat(top.next()).isNull();
    }

    @Test
    void showsTheEarlyShareRuleUnmetWhenThePeriodHadNoRegistrations() {
        List<LeadLedgerEvent> events = new java.util.ArrayList<>(SILVER_PARTNER);
        events.add(evaluation("30000000", 2, 0, null));

        TierScorecard.TierPart part = TierScorecard.of(events, POLICY);

        assertThat(part.next().requirements()).contains(new TierScorecard.Requirement("minEarlyShare", null,
                new BigDecimal("0.30"), null, false, BigDecimal.ZERO));
    }
}

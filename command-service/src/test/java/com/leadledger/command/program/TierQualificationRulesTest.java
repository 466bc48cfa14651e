package com.leadledger.command.program;

import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.command.program.ProgramFacts.Deal;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.program.TierQualificationEvaluated;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TierQualificationRulesTest {

    private static final Instant RUN_AT = Instant.parse("2026-12-01T00:00:00Z");
    /** One deal registered five months before its close, then won for RUB 900,000,000. */
    private static final ProgramFacts ONE_BIG_WIN = new ProgramFacts() {
        private final Deal deal = new Deal("R-1", "P-1", "NETWORK_SECURITY", LocalDate.parse("2026-11-01"),
                Instant.parse("2026-06-01T10:00:00Z"), Money.of("900000000", "RUB"),
                Instant.parse("2026-11-01T10:00:00Z"));

        @Override
        public List<Deal> submittedBy(String partnerId, Instant from, Instant to) {
            return List.of(deal);
        }

        @Override
        public List<Deal> wonBy(String partnerId, Instant from, Instant to) {
            return List.of(deal);
        }
    };

    @Test
    void canProposeTheHighestTierWhoseRulesTheFiguresMeet() {
        TierQualificationEvaluated evaluated = evaluate(TestPolicies.defaultDocument(), "REGISTERED");

        assertThat(evaluated.wonRevenue()).isEqualByComparingTo("900000000");
        assertThat(evaluated.proposedTier()).as("GOLD needs certified specialists").isEqualTo("SILVER");
    }

    @Test
    void cannotProposeAChangeUnderAPolicyWithoutQualificationRules() {
        PolicyDocument shipped = TestPolicies.defaultDocument();
        TreeMap<String, PolicyDocument.TierRule> withoutRules = new TreeMap<>();
        shipped.tiers().forEach((name, rule) -> withoutRules.put(name,
                new PolicyDocument.TierRule(rule.protectionDays(), rule.maxDiscountPercent())));
        PolicyDocument older = new PolicyDocument(shipped.productLines(), withoutRules,
                shipped.reviewSlaBusinessDays(), shipped.disputeSlaBusinessDays(), shipped.extension(),
                shipped.appealWindowDays(), shipped.maxCloseDateMonths(), shipped.calendar(), shipped.limits(),
                shipped.expiryReminderBusinessDays(), null, shipped.program());

        TierQualificationEvaluated evaluated = evaluate(older, "GOLD");

        assertThat(evaluated.wonRevenue()).as("the figures are still measured").isEqualByComparingTo("900000000");
        assertThat(evaluated.proposedTier()).as("no demotion to the lowest tier").isEqualTo("GOLD");
    }

    @Test
    void canCountAsEarlyOnlyTheRegistrationsThePolicysDefinitionCallsEarly() {
        // the default policy: at least 60 calendar days before close, as the points bonus counts them
        Deal sixtyAhead = new Deal("R-1", "P-1", "NETWORK_SECURITY", LocalDate.parse("2026-08-30"),
                Instant.parse("2026-07-01T23:00:00Z"), null, null);
        Deal fortyFiveAhead = new Deal("R-2", "P-1", "NETWORK_SECURITY", LocalDate.parse("2026-08-15"),
                Instant.parse("2026-07-01T10:00:00Z"), null, null);
        ProgramFacts facts = new ProgramFacts() {
            @Override
            public List<Deal> submittedBy(String partnerId, Instant from, Instant to) {
                return List.of(sixtyAhead, fortyFiveAhead);
            }

            @Override
            public List<Deal> wonBy(String partnerId, Instant from, Instant to) {
                return List.of();
            }
        };

        TierQualificationEvaluated evaluated = TierQualificationRules.evaluate("P-1", "EV-1", "RUN-1", RUN_AT,
                new PublishedPolicy(1, RUN_AT, "admin", TestPolicies.defaultDocument()), facts, Map.of(), 0,
                "REGISTERED");

        assertThat(evaluated.earlyRegistrations()).isEqualTo(1);
        assertThat(evaluated.earlyShare()).isEqualByComparingTo("0.5");
    }

    private static TierQualificationEvaluated evaluate(PolicyDocument policy, String currentTier) {
        return TierQualificationRules.evaluate("P-1", "EV-1", "RUN-1", RUN_AT,
                new PublishedPolicy(1, RUN_AT, "admin", policy), ONE_BIG_WIN, Map.of(), 0, currentTier);
    }
}

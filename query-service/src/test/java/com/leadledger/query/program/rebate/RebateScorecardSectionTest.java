package com.leadledger.query.program.rebate;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.program.RebateAccrued;
import com.leadledger.query.ingest.EventHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class RebateScorecardSectionTest {

    private static final Instant AS_OF = Instant.parse("2027-05-01T00:00:00Z");

    @Test
    void sumsTheStatementsPerCurrencyAndThePayoutsStillDueAfterTheInstant() {
        RebateAccrued q3 = accrued("2026-Q3", "133000.00",
                List.of(new RebateAccrued.Payout(LocalDate.parse("2026-10-01"), new BigDecimal("133000.00"))));
        RebateAccrued year = accrued("2026", "100000.00", List.of(
                new RebateAccrued.Payout(LocalDate.parse("2027-01-01"), new BigDecimal("25000.00")),
                new RebateAccrued.Payout(LocalDate.parse("2027-04-01"), new BigDecimal("25000.00")),
                new RebateAccrued.Payout(LocalDate.parse("2027-07-01"), new BigDecimal("25000.00")),
                new RebateAccrued.Payout(LocalDate.parse("2027-10-01"), new BigDecimal("25000.00"))));
        RebateStatements statements = new RebateStatements(null, null) {
            @Override
            public List<RebateAccrued> of(String partnerId, String period, Instant asOf) {
                assertThat(partnerId).isEqualTo("P-1");
                assertThat(period).isNull();
                assertThat(asOf).isEqualTo(AS_OF);
                return List.of(q3, year);
            }
        };

        RebateScorecardSection section = new RebateScorecardSection(statements, policyIn("UTC"));
        RebateScorecardSection.Rebates part = section.of("P-1", AS_OF);

        assertThat(section.name()).isEqualTo("rebates");
        assertThat(part.statements()).containsExactly(q3, year);
        assertThat(part.accruedTotal().get("RUB")).isEqualByComparingTo("233000");
        assertThat(part.dueAfterAsOf().get("RUB")).isEqualByComparingTo("50000");
    }

    private static RebateAccrued accrued(String period, String amount, List<RebateAccrued.Payout> payouts) {
        return new RebateAccrued("P-1", "rebate:P-1:" + period, period, Instant.EPOCH, Instant.EPOCH,
                period.contains("Q") ? "QUARTERLY" : "ANNUAL", 1L, "RUB", List.of(), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal(amount), payouts, List.of(), List.of(), Instant.EPOCH);
    }

    @Test
    void countsAPayoutDueTodayInThePolicysTimeZoneAsNoLongerDue() {
        Instant moscowMorning = Instant.parse("2027-03-31T22:30:00Z"); // 1 April, 01:30 in Moscow
        RebateAccrued q4 = accrued("2026-Q4", "100.00",
                List.of(new RebateAccrued.Payout(LocalDate.parse("2027-04-01"), new BigDecimal("100.00"))));
        RebateStatements statements = new RebateStatements(null, null) {
            @Override
            public List<RebateAccrued> of(String partnerId, String period, Instant asOf) {
                return List.of(q4);
            }
        };

        assertThat(new RebateScorecardSection(statements, policyIn("Europe/Moscow")).of("P-1", moscowMorning)
                .dueAfterAsOf()).isEmpty();
        assertThat(new RebateScorecardSection(statements, policyIn("UTC")).of("P-1", moscowMorning)
                .dueAfterAsOf().get("RUB")).isEqualByComparingTo("100");
    }

    /** The event history of a system whose policy in force keeps its calendar in {@code zone}. */
    private static EventHistory policyIn(String zone) {
        PolicyDocument policy = new PolicyDocument(new TreeMap<>(), new TreeMap<>(), 2, List.of(2, 3, 5),
                new PolicyDocument.ExtensionRule(1, 30), 10, 12,
                new PolicyDocument.BusinessCalendar(zone, List.of(), List.of()), null);
        return new EventHistory(null, new EnvelopeCodec()) {
            @Override
            public Optional<PolicyPublished> policyInForceAt(Instant asOf) {
                return Optional.of(new PolicyPublished(1, policy, Instant.EPOCH, "admin"));
            }
        };
    }
}

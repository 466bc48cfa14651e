package com.leadledger.query.program.rebate;

import com.leadledger.events.program.RebateAccrued;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

        RebateScorecardSection.Rebates part = new RebateScorecardSection(statements).of("P-1", AS_OF);

        assertThat(new RebateScorecardSection(statements).name()).isEqualTo("rebates");
        assertThat(part.statements()).containsExactly(q3, year);
        assertThat(part.accruedTotal().get("RUB")).isEqualByComparingTo("233000");
        assertThat(part.dueAfterAsOf().get("RUB")).isEqualByComparingTo("50000");
    }

    private static RebateAccrued accrued(String period, String amount, List<RebateAccrued.Payout> payouts) {
        return new RebateAccrued("P-1", "rebate:P-1:" + period, period, Instant.EPOCH, Instant.EPOCH,
                period.contains("Q") ? "QUARTERLY" : "ANNUAL", 1L, "RUB", List.of(), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal(amount), payouts, List.of(), List.of(), Instant.EPOCH);
    }
}

package com.leadledger.console.program;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One rebate statement as the query service answers it (a partner's rebate for one closed period, with every input
 * it was computed from): per product line the season and off-season parts against their brackets, and the payouts.
 * Amounts are in {@code currency}.
 */
record RebateStatement(String partnerId, String period, Instant periodStart, Instant periodEnd, String accrual,
                       Long policyVersion, String currency, List<Line> lines, BigDecimal volume,
                       BigDecimal lastYearVolume, BigDecimal amount, List<Payout> payouts,
                       List<String> excludedRegistrationIds, Instant accruedAt) {

    RebateStatement {
        lines = lines == null ? List.of() : List.copyOf(lines);
        payouts = payouts == null ? List.of() : List.copyOf(payouts);
        excludedRegistrationIds = excludedRegistrationIds == null ? List.of() : List.copyOf(excludedRegistrationIds);
    }

    /** An amount of this statement, in its currency. */
    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    record Line(String productLine, Part season, Part offSeason, BigDecimal amount) {
    }

    /** A season part: its volume, last year's, the baseline the brackets start from, and the brackets applied. */
    record Part(BigDecimal volume, BigDecimal lastYearVolume, BigDecimal baseline, List<Bracket> brackets,
                BigDecimal amount) {

        Part {
            brackets = brackets == null ? List.of() : List.copyOf(brackets);
        }
    }

    /** {@code [from, to)}, {@code to} null for the open-ended last bracket. */
    record Bracket(BigDecimal fromPercent, BigDecimal from, BigDecimal to, BigDecimal ratePercent,
                   BigDecimal volumeInBracket, BigDecimal amount) {
    }

    record Payout(LocalDate dueOn, BigDecimal amount) {
    }
}

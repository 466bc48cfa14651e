package com.leadledger.events.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner's rebate for one closed period, with every input it was computed from: the won volume per product line
 * split into season and off-season, last year's volume for the same period, the baseline and the brackets applied,
 * the rates, the amounts, the policy version and the payout schedule. Amounts are in {@code currency} (the program
 * currency of that policy version); a rate applies only to the volume inside its bracket.
 *
 * @param rebateId              the aggregate id, {@code rebate:<partnerId>:<period>}
 * @param period                {@code 2026-Q4} or {@code 2026}
 * @param periodStart           first instant of the period in the policy's time zone (inclusive)
 * @param periodEnd             first instant after the period (exclusive)
 * @param accrual               {@code QUARTERLY} or {@code ANNUAL}
 * @param lines                 one entry per product line of the schedule with volume in the period or last year
 * @param volume                total won volume counted (all lines of the schedule)
 * @param lastYearVolume        total won volume of the same period last year (all lines of the schedule)
 * @param amount                the rebate, the sum of the lines' amounts
 * @param payouts               when the amount is paid, in equal parts (the last takes the rounding remainder)
 * @param registrationIds       the won registrations counted in {@code volume}
 * @param excludedRegistrationIds won registrations of the period or of last year's same period not counted: a
 *                                currency the policy version has no exchange rate for
 */
public record RebateAccrued(String partnerId, String rebateId, String period, Instant periodStart, Instant periodEnd,
                            String accrual, long policyVersion, String currency, List<LineAccrual> lines,
                            BigDecimal volume, BigDecimal lastYearVolume, BigDecimal amount, List<Payout> payouts,
                            List<String> registrationIds, List<String> excludedRegistrationIds, Instant accruedAt)
        implements RebateEvent {

    /** One product line: its season part and its off-season part. */
    public record LineAccrual(String productLine, Part season, Part offSeason, BigDecimal amount) {
    }

    /**
     * The volume of one season part against its brackets.
     *
     * @param baseline the larger of last year's volume and the line's minimum baseline; brackets start at a
     *                 percentage of it
     */
    public record Part(BigDecimal volume, BigDecimal lastYearVolume, BigDecimal baseline,
                       List<AppliedBracket> brackets, BigDecimal amount) {
    }

    /**
     * A bracket as applied: {@code [from, to)} in the program currency ({@code to} null for the open-ended last one),
     * the volume that fell inside it, its rate and what it earned.
     */
    public record AppliedBracket(BigDecimal fromPercent, BigDecimal from, BigDecimal to, BigDecimal ratePercent,
                                 BigDecimal volumeInBracket, BigDecimal amount) {
    }

    /** A part of the rebate due on a date (in the policy's time zone). */
    public record Payout(LocalDate dueOn, BigDecimal amount) {
    }
}

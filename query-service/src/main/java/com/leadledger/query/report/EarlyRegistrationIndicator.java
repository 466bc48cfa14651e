package com.leadledger.query.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One partner's early-registration indicator as of an instant, with the figures of the partners report
 * (docs/reports.md): over the trailing twelve months, the share of its registrations made at least
 * {@code earlyDays} calendar days before their expected close (the policy's one definition) and the median days
 * before close; over the last three calendar quarters (UTC, the last one containing the instant), the early share
 * of each and whether it dropped.
 *
 * @param from                  start of the trailing twelve months (inclusive)
 * @param to                    the instant itself (inclusive: events stored up to it count)
 * @param registrations         registrations the partner submitted in the twelve months
 * @param earlyDays             the policy's {@code program.points.earlyRegistration.minDaysBeforeClose} in force at
 *                              the instant (31 under a policy without points rules): early from that many days
 * @param early                 of those, made at least {@code earlyDays} days before the expected close
 * @param earlyShare            early ÷ registrations (four decimals), null without registrations
 * @param medianDaysBeforeClose median of the days from submission to the expected close, null without registrations
 * @param quarters              the last three quarters, oldest first
 * @param dropThreshold         the drop that flags a partner, from the policy in force at the instant
 * @param earlyRegistrationDrop whether the early share fell in each of the last two quarters and by more than the
 *                              threshold in total
 */
public record EarlyRegistrationIndicator(Instant from, Instant to, int earlyDays, long registrations, long early,
                                         BigDecimal earlyShare, BigDecimal medianDaysBeforeClose,
                                         List<QuarterShare> quarters, BigDecimal dropThreshold,
                                         boolean earlyRegistrationDrop) {

    /** One calendar quarter: its name ({@code 2026-Q4}), registrations in it and their early share. */
    public record QuarterShare(String quarter, long registrations, BigDecimal earlyShare) {
    }
}

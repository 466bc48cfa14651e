package com.leadledger.events.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How a partner earns points, when they expire and what they may be redeemed for.
 *
 * <p>Awards: {@code registrationApproved} points for each approved registration; {@code earlyRegistration.points}
 * more at approval when the registration was submitted at least {@code earlyRegistration.minDaysBeforeClose} days
 * before its expected close date; {@code wonPer100000} points for each full 100,000 of a won deal's final value in the
 * program currency; {@code perPenaltyPoint} points taken for each penalty point a ruling gives (given back when the
 * penalty is reversed). Every positive award expires {@code expiryDays} days after it was earned.
 */
public record PointsRules(int registrationApproved, EarlyRegistration earlyRegistration, int wonPer100000,
                          int perPenaltyPoint, int expiryDays, Redemption redemption) {

    /**
     * The one definition of an early registration, for the points bonus, the tiers' early share and the reports'
     * indicator alike: submitted at least {@code minDaysBeforeClose} calendar days before its expected close date,
     * counting from the UTC date of the submission (its time of day does not matter). {@code points} is the bonus an
     * early registration earns at approval.
     */
    public record EarlyRegistration(int minDaysBeforeClose, int points) {

        /**
         * The definition under a policy without points rules (published before the program): more than 30 days ahead,
         * that is at least 31 calendar days; it earns no bonus.
         */
        public static final EarlyRegistration WITHOUT_PROGRAM = new EarlyRegistration(31, 0);

        /** The definition under {@code policy}: its {@code program.points.earlyRegistration}, else {@link #WITHOUT_PROGRAM}. */
        public static EarlyRegistration of(PolicyDocument policy) {
            ProgramRules program = policy == null ? null : policy.program();
            PointsRules points = program == null ? null : program.points();
            return points == null || points.earlyRegistration() == null ? WITHOUT_PROGRAM
                    : points.earlyRegistration();
        }

        /** Calendar days from the UTC date of {@code submittedAt} to {@code expectedCloseDate}. */
        public static long daysBeforeClose(Instant submittedAt, LocalDate expectedCloseDate) {
            return ChronoUnit.DAYS.between(submittedAt.atZone(ZoneOffset.UTC).toLocalDate(), expectedCloseDate);
        }

        /** Whether a registration submitted at {@code submittedAt} to close on {@code expectedCloseDate} is early. */
        public boolean early(Instant submittedAt, LocalDate expectedCloseDate) {
            return daysBeforeClose(submittedAt, expectedCloseDate) >= minDaysBeforeClose;
        }
    }

    /**
     * What points are worth and the compliance caps on spending them: at most {@code maxPointsPerPartner} per partner
     * and {@code maxPointsPerIndividual} per individual (the partner's user) in any {@code periodDays} days. A point is
     * worth {@code marketingFundCreditPerPoint} of marketing-fund credit in the program currency, or
     * {@code extraDiscountPercentPerPoint} percentage points of extra discount on one approved registration, at most
     * {@code maxExtraDiscountPercent} in all on one registration.
     */
    public record Redemption(int periodDays, int maxPointsPerPartner, int maxPointsPerIndividual,
                             BigDecimal marketingFundCreditPerPoint, BigDecimal extraDiscountPercentPerPoint,
                             BigDecimal maxExtraDiscountPercent) {
    }
}

package com.leadledger.events.policy;

import java.math.BigDecimal;

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

    /** The bonus for registering early: {@code points} when submitted {@code minDaysBeforeClose} days or more ahead. */
    public record EarlyRegistration(int minDaysBeforeClose, int points) {
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

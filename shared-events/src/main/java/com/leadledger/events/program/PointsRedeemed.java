package com.leadledger.events.program;

import com.leadledger.events.common.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The partner's user {@code actorId} spent {@code points} (taken from the oldest unspent awards first) under policy
 * {@code policyVersion}: for a {@link Kind#MARKETING_FUND_CREDIT} worth {@code marketingFundCredit}, or for an
 * {@link Kind#EXTRA_DISCOUNT} of {@code extraDiscountPercent} percentage points on its approved registration
 * {@code registrationId}, on top of the discount the registration was approved with.
 */
public record PointsRedeemed(String partnerId, String redemptionId, Kind kind, int points, Money marketingFundCredit,
                             BigDecimal extraDiscountPercent, String registrationId, String actorId,
                             Instant redeemedAt, long policyVersion) implements PointsEvent {

    /** What the points were spent on. */
    public enum Kind {
        MARKETING_FUND_CREDIT, EXTRA_DISCOUNT
    }
}

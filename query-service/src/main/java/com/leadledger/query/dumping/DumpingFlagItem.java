package com.leadledger.query.dumping;

import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A possible-dumping flag as staff and auditors read it, in JSON or CSV.
 *
 * @param registeredValue         the estimated value the partner registered, taken as the list price
 * @param approvedDiscountPercent the discount staff approved; 0 when the registration was never approved
 * @param impliedDiscountPercent  the discount the final value implies, rounded half up to two decimals
 * @param floor                   the product line's floor in policy {@code policyVersion}; null when it had none
 * @param floorValue              the lowest final value that floor accepts
 * @param rules                   the rules that fired
 * @param disputeId               the PRICE_DUMPING dispute staff opened from the flag; null until then
 */
record DumpingFlagItem(
        String flagId,
        String status,
        String opportunityId,
        String registrationId,
        String partnerId,
        String productLine,
        Money registeredValue,
        Money finalValue,
        BigDecimal approvedDiscountPercent,
        BigDecimal impliedDiscountPercent,
        PolicyDocument.PriceFloor floor,
        Money floorValue,
        List<DumpingRule> rules,
        long policyVersion,
        Instant flaggedAt,
        String disputeId,
        String dismissalReason,
        String closedBy,
        Instant closedAt) {

    static DumpingFlagItem of(DumpingFlagView v) {
        PolicyDocument.PriceFloor floor = v.floor() == null ? null : new PolicyDocument.PriceFloor(
                plain(v.floor().maxDiscountPercent()), plain(v.floor().minShareOfRegisteredPercent()));
        return new DumpingFlagItem(v.flagId(), v.status().name(), v.opportunityId(), v.registrationId(),
                v.partnerId(), v.productLine(), v.registeredValue(), v.finalValue(),
                plain(v.approvedDiscountPercent()), plain(v.impliedDiscountPercent()), floor, v.floorValue(),
                v.rules(), v.policyVersion(), v.flaggedAt(), v.disputeId(), v.dismissalReason(), v.closedBy(),
                v.closedAt());
    }

    /** The stored document keeps percentages in canonical form (10 as 1E+1); answers write them plainly. */
    private static BigDecimal plain(BigDecimal percent) {
        return percent == null ? null : new BigDecimal(percent.stripTrailingZeros().toPlainString());
    }
}

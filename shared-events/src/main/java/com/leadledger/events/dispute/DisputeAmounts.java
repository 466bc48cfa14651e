package com.leadledger.events.dispute;

import com.leadledger.events.common.Money;

import java.math.BigDecimal;

/**
 * The amounts of a price-dumping complaint or of a piece of evidence; each may be absent in evidence.
 *
 * @param quotedPrice             the price the complainant quoted the customer
 * @param allegedPrice            the price the other party allegedly quoted
 * @param entitledDiscountPercent the discount the complainant was entitled to, in percent
 */
public record DisputeAmounts(Money quotedPrice, Money allegedPrice, BigDecimal entitledDiscountPercent) {
}

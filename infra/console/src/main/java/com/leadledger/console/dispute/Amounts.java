package com.leadledger.console.dispute;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;

/** The amounts of a price-dumping complaint or of a piece of evidence, as the API writes them; each may be absent. */
public record Amounts(Money quotedPrice, Money allegedPrice, BigDecimal entitledDiscountPercent) {
}

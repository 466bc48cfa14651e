package com.leadledger.console.api;

import java.math.BigDecimal;

/** An amount with its ISO 4217 currency, as the API writes it. */
public record Money(BigDecimal amount, String currency) {
}

package com.leadledger.events.common;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in an ISO 4217 currency. The amount is serialized as a decimal string so that no JSON
 * reader rounds it and so that its canonical form is stable.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** True when the currency code is a known ISO 4217 code (checked against the JDK's list). */
    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isAtLeast(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) >= 0;
    }
}

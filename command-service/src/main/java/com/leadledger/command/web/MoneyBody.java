package com.leadledger.command.web;

import com.leadledger.events.common.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** A money amount in a request body: {@code {"amount": "<decimal string>", "currency": "<ISO 4217>"}}. */
public record MoneyBody(
        @NotBlank @Pattern(regexp = "\\d{1,15}(\\.\\d{1,2})?", message = "must be a decimal string such as 1250000.00")
        String amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as RUB") String currency) {

    /** The amount as money; whether the currency is one the rules accept is decided behind the command bus. */
    public Money toMoney() {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money toMoney(MoneyBody body) {
        return body == null ? null : body.toMoney();
    }
}

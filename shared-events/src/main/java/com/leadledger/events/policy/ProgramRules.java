package com.leadledger.events.policy;

import com.leadledger.events.common.Money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The partner program's rules in one policy version: the currency every program figure is counted in, the exchange
 * rates into it recorded with this version ({@code exchangeRates.get("USD")} is what one USD is worth in
 * {@code currency}), how points are earned, expire and are redeemed, and the rebate schedule. Policies published
 * before the program existed have none and are stored as they were.
 */
public record ProgramRules(String currency, SortedMap<String, BigDecimal> exchangeRates, PointsRules points,
                           RebateRules rebates) {

    /** The amount in the program currency at this version's rate; empty when the version records no rate for it. */
    public Optional<BigDecimal> inProgramCurrency(Money money) {
        if (money.currency().equals(currency)) {
            return Optional.of(money.amount());
        }
        return Optional.ofNullable(exchangeRates.get(money.currency())).map(rate -> money.amount().multiply(rate));
    }
}

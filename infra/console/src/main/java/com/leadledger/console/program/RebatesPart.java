package com.leadledger.console.program;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The scorecard's {@code rebates} part as the query service answers it: the statements as of the instant, the sum
 * of their amounts per currency, and per currency what of them is due after the instant's date.
 */
record RebatesPart(Map<String, BigDecimal> accruedTotal, Map<String, BigDecimal> dueAfterAsOf,
                   List<RebateStatement> statements) {

    RebatesPart {
        accruedTotal = accruedTotal == null ? Map.of() : accruedTotal;
        dueAfterAsOf = dueAfterAsOf == null ? Map.of() : dueAfterAsOf;
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public List<Money> accrued() {
        return amounts(accruedTotal);
    }

    public List<Money> due() {
        return amounts(dueAfterAsOf);
    }

    private static List<Money> amounts(Map<String, BigDecimal> perCurrency) {
        return perCurrency.entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList();
    }
}

package com.leadledger.console.program;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The scorecard's {@code points} part as the query service answers it: the balance and what makes it, and the
 * history (awards with their cause and expiry, expiries, redemptions with their kind), oldest first.
 */
record PointsPart(Integer balance, Integer earned, Integer expired, Integer redeemed, List<Entry> history) {

    PointsPart {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One line: {@code type} is {@code AWARDED}, {@code EXPIRED} or {@code REDEEMED}; {@code points} is signed;
     * {@code cause} is the award's cause or the redemption's kind.
     */
    record Entry(Instant at, String type, Integer points, String cause, String subjectId, Instant expiresAt,
                 Money marketingFundCredit, BigDecimal extraDiscountPercent) {
    }
}

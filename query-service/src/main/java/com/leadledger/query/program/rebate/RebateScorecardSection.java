package com.leadledger.query.program.rebate;

import com.leadledger.events.program.RebateAccrued;
import com.leadledger.query.program.ScorecardSection;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scorecard's {@code rebates} part: the partner's rebate statements as of the instant, with totals. */
@Component
class RebateScorecardSection implements ScorecardSection {

    private final RebateStatements statements;

    RebateScorecardSection(RebateStatements statements) {
        this.statements = statements;
    }

    /**
     * @param accruedTotal per currency, the sum of the statements' amounts
     * @param dueAfterAsOf per currency, the payouts of those statements due after the instant's date (UTC)
     */
    record Rebates(Map<String, BigDecimal> accruedTotal, Map<String, BigDecimal> dueAfterAsOf,
                   List<RebateAccrued> statements) {
    }

    @Override
    public String name() {
        return "rebates";
    }

    @Override
    public Rebates of(String partnerId, Instant asOf) {
        List<RebateAccrued> all = statements.of(partnerId, null, asOf);
        Map<String, BigDecimal> accrued = new TreeMap<>();
        Map<String, BigDecimal> due = new TreeMap<>();
        var day = asOf.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (RebateAccrued a : all) {
            accrued.merge(a.currency(), a.amount(), BigDecimal::add);
            for (RebateAccrued.Payout payout : a.payouts()) {
                if (payout.dueOn().isAfter(day)) {
                    due.merge(a.currency(), payout.amount(), BigDecimal::add);
                }
            }
        }
        return new Rebates(accrued, due, all);
    }
}

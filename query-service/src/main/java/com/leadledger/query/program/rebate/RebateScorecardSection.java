package com.leadledger.query.program.rebate;

import com.leadledger.events.program.RebateAccrued;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.program.ScorecardSection;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scorecard's {@code rebates} part: the partner's rebate statements as of the instant, with totals. */
@Component
class RebateScorecardSection implements ScorecardSection {

    private final RebateStatements statements;
    private final EventHistory history;

    RebateScorecardSection(RebateStatements statements, EventHistory history) {
        this.statements = statements;
        this.history = history;
    }

    /**
     * @param accruedTotal per currency, the sum of the statements' amounts
     * @param dueAfterAsOf per currency, the payouts of those statements due after the instant's date in the time zone
     *                     of the policy in force then (payout dates are that zone's dates)
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
        LocalDate day = asOf.atZone(history.policyInForceAt(asOf)
                .map(policy -> ZoneId.of(policy.policy().calendar().timeZone())).orElse(ZoneOffset.UTC)).toLocalDate();
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

package com.leadledger.query.program.rebate;

import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.query.ingest.EventHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A partner's rebate statements as of an instant, read from the event log: the {@link RebateAccrued} of its rebate
 * aggregates ({@code rebate:<partnerId>:<period>}) stored at or before the instant. Only the partner's own aggregates
 * are read, and each event is checked to name the partner.
 */
@Repository
public class RebateStatements {

    private static final String ACCRUED = EventTypes.nameOf(RebateAccrued.class);

    private final JdbcClient jdbc;
    private final EventHistory history;

    RebateStatements(JdbcClient jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /**
     * The partner's statements of one period as read on the statement endpoint: those stored by the instant, and none
     * for a period the rebates were not accrued in. A period of the other kind than the policy in force at the instant
     * accrues (a year under quarterly accrual, or a quarter under annual accrual) is refused as {@code
     * REBATE_PERIOD_KIND} naming {@code period}, unless statements of it exist: those accrued under an earlier policy
     * version of the other accrual stay readable.
     *
     * @param period a quarter like {@code 2026-Q4} or a year like {@code 2026}; every period when null
     */
    public List<RebateAccrued> statements(String partnerId, String period, Instant asOf) {
        List<RebateAccrued> found = of(partnerId, period, asOf);
        if (period == null || !found.isEmpty()) {
            return found;
        }
        PolicyPublished policy = history.policyInForceAt(asOf).orElse(null);
        ProgramRules program = policy == null ? null : policy.policy().program();
        RebateRules.Accrual accrual = program == null || program.rebates() == null ? null
                : program.rebates().accrual();
        RebateRules.Accrual kind = period.contains("-Q") ? RebateRules.Accrual.QUARTERLY : RebateRules.Accrual.ANNUAL;
        if (accrual != null && accrual != kind) {
            throw RuleViolation.invalidField("period", "must be "
                    + (accrual == RebateRules.Accrual.QUARTERLY ? "a quarter like 2026-Q4" : "a year like 2026")
                    + ": policy version " + policy.version() + ", in force at asOf, accrues rebates " + accrual,
                    "REBATE_PERIOD_KIND");
        }
        return found;
    }

    /** The partner's statements as of the instant, of one period (or of every period when null), oldest first. */
    public List<RebateAccrued> of(String partnerId, String period, Instant asOf) {
        String prefix = "rebate:" + partnerId + ":";
        List<String> aggregates = period != null ? List.of(prefix + period) : jdbc.sql("""
                        SELECT DISTINCT aggregate_id FROM event_log
                        WHERE event_type = :type AND starts_with(aggregate_id, :prefix) AND occurred_at <= :asOf""")
                .param("type", ACCRUED)
                .param("prefix", prefix)
                .param("asOf", Timestamp.from(asOf))
                .query(String.class)
                .list();
        return aggregates.stream()
                .flatMap(id -> history.asOf(id, asOf).stream())
                .map(step -> step.event() instanceof RebateAccrued accrued ? accrued : null)
                .filter(accrued -> accrued != null && accrued.partnerId().equals(partnerId))
                .sorted(Comparator.comparing(RebateAccrued::periodStart).thenComparing(RebateAccrued::period))
                .toList();
    }
}

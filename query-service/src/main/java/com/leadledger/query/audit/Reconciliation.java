package com.leadledger.query.audit;

import com.leadledger.integrity.checkpoint.CheckpointBreak;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Compares this service's copy of the log with the command side's event store: event counts and highest global index
 * on both sides, and the command side's checkpoints (Merkle roots over global-index ranges, chained) re-computed on
 * the copy. Events the store holds that the copy has not received yet are lag, not divergence: after the last
 * checkpoint they are only counted, inside a checkpoint sealed less than the grace period ago they are expected to
 * arrive (see {@link CopyCheckpoints}). The latest report is published as metrics.
 * <p>
 * A FULL reconciliation counts and reads the whole copy and asks the store for its whole extent; it runs on request,
 * as the first one after a start, and every {@code leadledger.reconciliation.full-interval}. The periodic ones between
 * are INCREMENTAL: they take the copy's events through the last checkpoint the previous one re-computed as it found
 * them, and count and read only the events after it, on both sides. A change to the copy inside that verified prefix is
 * therefore found by the next FULL reconciliation, not by the incremental ones.
 */
@Component
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    record Side(long events, long maxGlobalIndex) {
    }

    /**
     * @param state    IN_SYNC (same events, every checkpoint re-computed on the copy), LAGGING (the copy is a consistent
     *                 but shorter prefix), DIVERGENT (the copy lacks an event it should have had by now, holds one the
     *                 store does not, or a checkpoint does not re-compute), UNAVAILABLE (the command side could not be
     *                 asked; counts of the copy only)
     * @param inFlight events stored on the command side and not (yet) in the copy
     * @param scope    FULL (the whole copy read and counted) or INCREMENTAL (only the events after global index
     *                 {@code readAfter})
     * @param readAfter the global index after which the copy's events were read and counted on both sides, 0 for FULL
     */
    record Report(String state, boolean divergent, Instant checkedAt, Side command, Side copy, long inFlight,
                  CopyCheckpoints.Check checkpoints, CheckpointBreak firstBreak, String detail, String scope,
                  long readAfter) {
    }

    private final JdbcTemplate jdbc;
    private final CommandAuditClient command;
    private final CopyCheckpoints copyCheckpoints;
    private final Clock clock;
    private final Duration fullInterval;
    private volatile Report latest;
    private CopyCheckpoints.VerifiedPrefix verified = CopyCheckpoints.VerifiedPrefix.NONE;
    private Instant lastFull;

    Reconciliation(JdbcTemplate jdbc, CommandAuditClient command, CopyCheckpoints copyCheckpoints, Clock clock,
                   ReconciliationProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.command = command;
        this.copyCheckpoints = copyCheckpoints;
        this.clock = clock;
        this.fullInterval = properties.fullInterval();
        Gauge.builder("leadledger.reconciliation.divergent", this, r -> r.latest != null && r.latest.divergent() ? 1 : 0)
                .description("1 when the query side's copy diverges from the command side's event store").register(meters);
        Gauge.builder("leadledger.reconciliation.events", this, r -> r.latest == null ? 0 : r.latest.command().events())
                .tag("side", "command").description("events in the event store at the last reconciliation")
                .register(meters);
        Gauge.builder("leadledger.reconciliation.events", this, r -> r.latest == null ? 0 : r.latest.copy().events())
                .tag("side", "copy").description("events in the query side's copy at the last reconciliation")
                .register(meters);
        Gauge.builder("leadledger.reconciliation.in.flight", this, r -> r.latest == null ? 0 : r.latest.inFlight())
                .description("events stored but not yet in the copy").register(meters);
        Gauge.builder("leadledger.reconciliation.checkpoints.verified", this,
                        r -> r.latest == null || r.latest.checkpoints() == null ? 0 : r.latest.checkpoints().verified())
                .description("command-side checkpoints re-computed on the copy").register(meters);
    }

    Report latest() {
        Report report = latest;
        return report == null ? refresh() : report;
    }

    /** A FULL reconciliation now. */
    Report refresh() {
        return refresh(true);
    }

    /** The periodic reconciliation: INCREMENTAL, unless the last FULL one is {@code full-interval} old. */
    Report refreshPeriodically() {
        return refresh(false);
    }

    private synchronized Report refresh(boolean fullRequested) {
        Instant now = clock.instant();
        boolean full = fullRequested || lastFull == null || !lastFull.plus(fullInterval).isAfter(now)
                || verified.checkpoint() == null;
        CopyCheckpoints.VerifiedPrefix from = full ? CopyCheckpoints.VerifiedPrefix.NONE : verified;
        String scope = full ? "FULL" : "INCREMENTAL";
        // the copy first: whatever it holds, the store held before
        Side copy = jdbc.queryForObject("SELECT count(*), coalesce(max(global_index), ?) FROM event_log "
                        + "WHERE global_index > ?", (rs, n) -> new Side(from.events() + rs.getLong(1), rs.getLong(2)),
                from.maxGlobalIndex(), from.throughIndex());
        Report report;
        try {
            Side store = full ? storeExtent() : storeExtentAfter(from);
            List<CommandAuditClient.PublishedCheckpoint> published = command.checkpointsAfter(from.checkpoints());
            CopyCheckpoints.Check check = copyCheckpoints.check(from, published, null);
            verified = check.verifiedPrefix();
            if (full) {
                lastFull = now;
            }
            report = judge(store, copy, check, scope, from.throughIndex());
        } catch (CommandAuditClient.Unavailable e) {
            Report previous = latest;
            report = new Report("UNAVAILABLE", previous != null && previous.divergent(), clock.instant(),
                    previous == null ? new Side(0, 0) : previous.command(), copy, 0, null, null,
                    "the command side could not be asked: " + e.getMessage(), scope, from.throughIndex());
        }
        if (report.divergent() && (latest == null || !latest.divergent())) {
            log.error("the query side's copy diverges from the event store: {}", report.detail());
        }
        latest = report;
        return report;
    }

    private Side storeExtent() {
        CommandAuditClient.Heads heads = command.heads();
        return new Side(heads.events(), heads.maxGlobalIndex());
    }

    /** The store's events through the prefix are taken to be the copy's there, which its checkpoints vouched for. */
    private Side storeExtentAfter(CopyCheckpoints.VerifiedPrefix from) {
        CommandAuditClient.StoreTail tail = command.tail(from.throughIndex());
        return new Side(from.events() + tail.events(), tail.maxGlobalIndex());
    }

    private Report judge(Side store, Side copy, CopyCheckpoints.Check check, String scope, long readAfter) {
        long inFlight = Math.max(0, store.events() - copy.events());
        String state;
        String detail;
        if ("BROKEN".equals(check.status())) {
            state = "DIVERGENT";
            detail = check.detail();
        } else if (copy.events() > store.events()) {
            state = "DIVERGENT";
            detail = "the copy holds " + (copy.events() - store.events()) + " events more than the event store";
        } else if (inFlight > 0 || "LAGGING".equals(check.status())) {
            state = "LAGGING";
            detail = inFlight + " events stored and not yet in the copy; checkpoints verified up to #"
                    + check.verified();
        } else {
            state = "IN_SYNC";
            detail = "same " + copy.events() + " events; " + check.verified() + " checkpoints re-computed on the copy";
        }
        return new Report(state, "DIVERGENT".equals(state), clock.instant(), store, copy, inFlight, check,
                check.firstBreak(), detail, scope, readAfter);
    }
}

package com.leadledger.query.report;

import com.leadledger.events.envelope.EventTypes;
import com.leadledger.query.ingest.EventHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Fairness reports for staff and auditors (see SecurityConfig), computed from the event log as of an instant, so
 * that recomputing a report as of a past instant gives what was reported then. Figures: docs/reports.md.
 */
@Tag(name = "reports")
@RestController
@RequestMapping("/api/v1/reports")
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class ReportController {

    private static final String PERIOD = " from (inclusive) and to (exclusive) bound the period, asOf (default now)"
            + " the instant of the event log it is computed from. JSON, or CSV with Accept: text/csv."
            + " Roles: staff, AUDITOR, ADMIN.";

    private static final List<String> FOLDED_TYPES = ReportFacts.FOLDED.stream().map(EventTypes::nameOf).toList();

    private final EventHistory history;
    private final Clock clock;

    ReportController(EventHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Operation(operationId = "conflictReport", summary = "Conflicts report",
            description = "Per product line and month, the opportunities opened and the share with more than one"
                    + " registration." + PERIOD)
    @GetMapping("/conflicts")
    public ReportAnswer<ConflictReport.Row> conflicts(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String asOf) {
        return report("conflicts", from, to, asOf, ConflictReport::rows);
    }

    @Operation(operationId = "decisionReport", summary = "Decisions report",
            description = "Per review level, reviews decided, time from submission to decision (median, p90) and"
                    + " review SLAs breached." + PERIOD)
    @GetMapping("/decisions")
    public ReportAnswer<DecisionReport.Row> decisions(@RequestParam(required = false) String from,
                                                      @RequestParam(required = false) String to,
                                                      @RequestParam(required = false) String asOf) {
        return report("decisions", from, to, asOf, DecisionReport::rows);
    }

    @Operation(operationId = "disputeReport", summary = "Disputes report",
            description = "Per dispute type, disputes opened, outcomes, level reached, appeal rate and time to"
                    + " ruling." + PERIOD)
    @GetMapping("/disputes")
    public ReportAnswer<DisputeReport.Row> disputes(@RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String asOf) {
        return report("disputes", from, to, asOf, DisputeReport::rows);
    }

    @Operation(operationId = "supportReport", summary = "Support moves report",
            description = "Support moved or withdrawn per manager and justification, and how often it left a"
                    + " registration still protected." + PERIOD)
    @GetMapping("/support")
    public ReportAnswer<SupportReport.Row> support(@RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to,
                                                   @RequestParam(required = false) String asOf) {
        return report("support", from, to, asOf, SupportReport::rows);
    }

    @Operation(operationId = "partnerReport", summary = "Partners report",
            description = "Per partner, registrations, approval and win rates, penalty points and the"
                    + " early-registration indicator with its drop flag." + PERIOD)
    @GetMapping("/partners")
    public ReportAnswer<PartnerReport.Row> partners(@RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String asOf) {
        return report("partners", from, to, asOf, PartnerReport::rows);
    }

    private <R> ReportAnswer<R> report(String name, String from, String to, String asOf,
                                       BiFunction<ReportFacts, Period, List<R>> rows) {
        Period period = Period.of(from, to, asOf, clock.instant());
        return ReportAnswer.of(name, period, rows.apply(ReportFacts.of(history.upTo(period.asOf(), FOLDED_TYPES)), period));
    }
}

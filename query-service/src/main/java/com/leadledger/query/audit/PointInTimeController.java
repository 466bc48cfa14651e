package com.leadledger.query.audit;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.web.AsOfParameter;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.dispute.DisputeView;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.registration.RegistrationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Auditors' views of the past, rebuilt from the event log with the same transitions as the live read models (never
 * read from the current tables): any opportunity, registration or dispute as it was at an instant, the context of
 * every decision taken on an opportunity, and a partner's whole history.
 */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
class PointInTimeController {

    private static final String AS_OF = "The instant the state is rebuilt as of: an ISO-8601 UTC instant, not in the "
            + "future; default now.";

    private final EventHistory history;
    private final DecisionContexts decisions;
    private final AuditEventRepository events;
    private final Clock clock;

    PointInTimeController(EventHistory history, DecisionContexts decisions, AuditEventRepository events,
                          Clock clock) {
        this.history = history;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** The opportunity, its ranking and its open disputes as of {@code asOf} (default: now). */
    @Operation(operationId = "opportunityAsOf", summary = "Opportunity as of an instant",
            description = "The opportunity's state rebuilt from its events up to asOf (default now). Role: AUDITOR.")
    @GetMapping("/opportunities/{opportunityId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OpportunityAsOf opportunity(@PathVariable String opportunityId,
                                       @Parameter(description = AS_OF, example = "2026-12-01T09:30:00Z")
                                       @RequestParam(required = false) String asOf) {
        Instant at = instant(asOf);
        return decisions.opportunityAsOf(opportunityId, at)
                .orElseThrow(() -> notAtThatInstant("opportunity", at));
    }

    /** Each decision on the opportunity (and rulings on its disputes) with what the decider saw at that moment. */
    @Operation(operationId = "opportunityDecisions", summary = "Decisions on an opportunity",
            description = "Every decision on the opportunity with the context the decider saw. Role: AUDITOR.")
    @GetMapping("/opportunities/{opportunityId}/decisions")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<DecisionContexts.Decision> decisions(@PathVariable String opportunityId) {
        List<DecisionContexts.Decision> found = decisions.of(opportunityId);
        if (found == null) {
            throw RuleViolation.notFound("opportunity");
        }
        return found;
    }

    @Operation(operationId = "registrationAsOf", summary = "Registration as of an instant",
            description = "The registration's state rebuilt from its events up to asOf. Role: AUDITOR.")
    @GetMapping("/registrations/{registrationId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RegistrationView registration(@PathVariable String registrationId,
                                         @Parameter(description = AS_OF, example = "2026-12-01T09:30:00Z")
                                         @RequestParam(required = false) String asOf) {
        Instant at = instant(asOf);
        String opportunityId = decisions.opportunityOfRegistration(registrationId)
                .orElseThrow(() -> RuleViolation.notFound("registration"));
        RegistrationView view = RegistrationView.PROJECTOR.fold(registrationId, history.asOf(opportunityId, at));
        if (view == null) {
            throw notAtThatInstant("registration", at);
        }
        return view;
    }

    @Operation(operationId = "disputeAsOf", summary = "Dispute as of an instant",
            description = "The dispute's state rebuilt from its events up to asOf. Role: AUDITOR.")
    @GetMapping("/disputes/{disputeId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DisputeView dispute(@PathVariable String disputeId,
                               @Parameter(description = AS_OF, example = "2026-12-01T09:30:00Z")
                               @RequestParam(required = false) String asOf) {
        Instant at = instant(asOf);
        List<Projector.Step> steps = history.ofDisputeAsOf(disputeId, at);
        DisputeView view = DisputeView.PROJECTOR.fold(disputeId, steps);
        if (view == null) {
            throw notAtThatInstant("dispute", at);
        }
        return view;
    }

    /**
     * Everything that concerns the partner, in the order it was stored: its own stream, every event naming it
     * (registrations, support moves, disputes as complainant or respondent, penalties) and everything it did.
     */
    @Operation(operationId = "partnerTimeline", summary = "A partner's timeline",
            description = "Every event about one partner: its whole history, paged. Role: AUDITOR.")
    @GetMapping("/partners/{partnerId}/timeline")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<AuditEvent> partnerTimeline(@PathVariable String partnerId,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        PageRequestParams paging = PageRequestParams.of(page, size);
        return new PageResponse<>(events.concerningPartner(partnerId, paging.offset(), paging.size()),
                paging.page(), paging.size(), events.countConcerningPartner(partnerId));
    }

    private Instant instant(String asOf) {
        return AsOfParameter.of(asOf, clock.instant());
    }

    private static RuleViolation notAtThatInstant(String what, Instant at) {
        return new RuleViolation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                "The " + what + " did not exist at " + at + ".");
    }
}

package com.leadledger.query.dispute;

import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.security.Actor;
import com.leadledger.kit.web.PageRequestParams;
import com.leadledger.kit.web.PageResponse;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.registration.RegistrationView;
import com.leadledger.query.registration.RegistrationViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arbitration queue and dispute views. Staff, auditors and admins see every dispute in full; a partner sees the
 * disputes it is a party of, without the other party's identity, and gets the same 404 for any other dispute as for
 * one that does not exist.
 */
@Tag(name = "disputes")
@RestController
@RequestMapping("/api/v1/disputes")
class DisputeController {

    private final DisputeViewRepository disputes;
    private final RegistrationViewRepository registrations;
    private final EventHistory history;
    private final DisputeClock clock;

    DisputeController(DisputeViewRepository disputes, RegistrationViewRepository registrations, EventHistory history,
                      DisputeClock clock) {
        this.disputes = disputes;
        this.registrations = registrations;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Staff: the queue (optionally of one level and status), open disputes first, most urgent first. Partners: their
     * own disputes in the same order ({@code level} is ignored for them).
     */
    @Operation(operationId = "listDisputes", summary = "List disputes",
            description = "Dispute views, paged; staff see all (filter level, status), a partner those it is a party "
                    + "of with the other party hidden.")
    @GetMapping
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PageResponse<?> list(@RequestParam(required = false) String level,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size,
                                Authentication authentication) {
        Actor actor = Actor.from(authentication);
        PageRequestParams paging = PageRequestParams.of(page, size);
        DisputeView.Status statusFilter = parseStatus(status);
        if (actor.isPartnerOnly()) {
            String partnerId = actor.partnerId();
            List<PartnerDisputeResponse> items = disputes
                    .ofParty(partnerId, statusFilter, paging.offset(), paging.size()).stream()
                    .map(v -> PartnerDisputeResponse.of(v, partnerId, ownRightful(v, partnerId)))
                    .toList();
            return new PageResponse<>(items, paging.page(), paging.size(),
                    disputes.countOfParty(partnerId, statusFilter));
        }
        Integer levelFilter = parseLevel(level);
        List<DisputeQueueItem> items = disputes.list(levelFilter, statusFilter, paging.offset(), paging.size())
                .stream().map(v -> DisputeQueueItem.of(v, clock)).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), disputes.count(levelFilter, statusFilter));
    }

    @Operation(operationId = "getDispute", summary = "Read a dispute",
            description = "One dispute view; a partner sees its own disputes only, with the other party hidden.")
    @GetMapping("/{disputeId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Object get(@PathVariable String disputeId, Authentication authentication) {
        Actor actor = Actor.from(authentication);
        DisputeView view = disputes.find(disputeId).orElseThrow(() -> RuleViolation.notFound("dispute"));
        if (actor.isPartnerOnly()) {
            PartnerDisputeResponse own = PartnerDisputeResponse.of(view, actor.partnerId(),
                    ownRightful(view, actor.partnerId()));
            if (own == null) {
                throw RuleViolation.notFound("dispute");
            }
            return own;
        }
        return StaffDisputeResponse.of(view, clock, rankingAtOpening(view), linkedRegistrations(view));
    }

    /** The opportunity's registrations folded from the event log up to (not including) the opening event. */
    private List<StaffDisputeResponse.RankingEntry> rankingAtOpening(DisputeView view) {
        return RegistrationView.PROJECTOR.foldAll(history.before(view.opportunityId(), view.openedGlobalIndex()))
                .values().stream()
                .sorted(Comparator.comparingInt(RegistrationView::position))
                .map(r -> new StaffDisputeResponse.RankingEntry(r.position(), r.registrationId(), r.partnerId(),
                        r.acceptedAt(), r.status(), r.supported(), r.protectedUntil()))
                .toList();
    }

    private List<StaffDisputeResponse.LinkedRegistration> linkedRegistrations(DisputeView view) {
        List<StaffDisputeResponse.LinkedRegistration> linked = new ArrayList<>();
        addLinked(linked, "COMPLAINANT", view.registrationId());
        if (view.respondent() != null) {
            addLinked(linked, "RESPONDENT", view.respondent().registrationId());
        }
        view.rulings().stream().map(DisputeView.Ruling::rightfulRegistrationId)
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .forEach(id -> addLinked(linked, "RIGHTFUL", id));
        return linked;
    }

    private void addLinked(List<StaffDisputeResponse.LinkedRegistration> linked, String role, String registrationId) {
        if (registrationId == null) {
            return;
        }
        registrations.find(registrationId, null).ifPresent(r -> linked.add(
                new StaffDisputeResponse.LinkedRegistration(role, r.registrationId(), r.opportunityId(),
                        r.partnerId(), r.position(), r.status(), r.supported(), r.protectedUntil())));
    }

    /** Which registrations named rightful by the dispute's rulings belong to the partner. */
    private Set<String> ownRightful(DisputeView view, String partnerId) {
        return view.rulings().stream().map(DisputeView.Ruling::rightfulRegistrationId)
                .filter(id -> id != null && registrations.find(id, partnerId).isPresent())
                .collect(Collectors.toSet());
    }

    private static Integer parseLevel(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        return switch (level.trim()) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> throw RuleViolation.invalidField("level", "must be 1, 2 or 3");
        };
    }

    private static DisputeView.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DisputeView.Status.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "must be one of " + Arrays
                    .stream(DisputeView.Status.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}

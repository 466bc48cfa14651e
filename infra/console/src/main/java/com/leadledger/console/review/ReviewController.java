package com.leadledger.console.review;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.list.ListFilters;
import com.leadledger.console.list.ListReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel staff's review queue: oldest first, SLA, duplicate hints; approve or reject each registration. A rule's
 * refusal is shown next to the registration; a role that may not decide gets the API's 403 (or 404).
 */
@Controller
@RequestMapping("/console/review")
class ReviewController {

    static final List<String> REJECTION_REASONS = List.of("ALREADY_REGISTERED", "INELIGIBLE",
            "INSUFFICIENT_INFORMATION", "EXISTING_VENDOR_DEAL", "OTHER");
    private static final ParameterizedTypeReference<Page<ReviewItem>> PAGE = new ParameterizedTypeReference<>() {
    };

    static final List<String> LEVELS = List.of("1", "2", "3");
    static final int PAGE_SIZE = 100;

    private final LeadLedgerApi api;
    private final ListReader lists;
    private final TierLimitsReader tierLimits;

    ReviewController(LeadLedgerApi api, ListReader lists, TierLimitsReader tierLimits) {
        this.api = api;
        this.lists = lists;
        this.tierLimits = tierLimits;
    }

    record Approved(Instant protectedUntil, String eventId) {
    }

    record Rejected(String eventId) {
    }

    /** The part of the query side's registration view that names its opportunity. */
    record RegistrationOpportunity(String opportunityId) {
    }

    /** A page of the queue (oldest first, as the API orders it), of one review level or all. */
    @GetMapping
    String queue(@RequestParam(required = false) String level, @RequestParam(required = false) String size,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("level", level);
        List<ReviewItem> items = lists.read("/api/v1/review-queue", filters, PAGE, PAGE_SIZE, request, response,
                model);
        model.addAttribute("filters", ListFilters.at("/console/review", "review-filters", "review-apply", size)
                .choice("filter-review-level", "level", "field.level", level,
                        List.of(new ListFilters.Option("", "list.all")), LEVELS, "level."));
        model.addAttribute("items", items);
        model.addAttribute("limits", tierLimits.of(items.stream().map(ReviewItem::partnerId).distinct().toList()));
        model.addAttribute("reasons", REJECTION_REASONS);
        return "review";
    }

    @PostMapping("/{registrationId}/approve")
    String approve(@PathVariable String registrationId, @RequestParam BigDecimal discountPercent,
                   @RequestParam(required = false) Integer protectionDays,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("discountPercent", discountPercent);
        if (protectionDays != null) {
            body.put("protectionDays", protectionDays);
        }
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        Decision decision;
        try {
            Approved approved = api.write("/api/v1/registrations/{id}/approve", body, null, Approved.class,
                    registrationId);
            decision = Decision.approved(registrationId, approved.protectedUntil(), approved.eventId(),
                    opportunityOf(registrationId));
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            decision = Decision.refused(registrationId, refused.problem());
        }
        redirect.addFlashAttribute("decision", decision);
        return "redirect:/console/review";
    }

    @PostMapping("/{registrationId}/reject")
    String reject(@PathVariable String registrationId, @RequestParam String reasonCode,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reasonCode", reasonCode);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        Decision decision;
        try {
            Rejected rejected = api.write("/api/v1/registrations/{id}/reject", body, null, Rejected.class,
                    registrationId);
            decision = Decision.rejected(registrationId, rejected.eventId(), opportunityOf(registrationId));
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            decision = Decision.refused(registrationId, refused.problem());
        }
        redirect.addFlashAttribute("decision", decision);
        return "redirect:/console/review";
    }

    /** The opportunity whose audit history holds the decision; null if the query side cannot tell now. */
    private String opportunityOf(String registrationId) {
        try {
            return api.read("/api/v1/registrations/{id}", RegistrationOpportunity.class, registrationId)
                    .opportunityId();
        } catch (ApiProblem | RestClientException unavailable) {
            return null;
        }
    }
}

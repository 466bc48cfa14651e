package com.leadledger.console.admin;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.Problem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query service's dead letters for admins: oldest first by status, one entry, retry and discard. */
@Controller
@RequestMapping("/console/admin/dead-letters")
class DeadLettersController {

    static final List<String> STATUSES = List.of("PARKED", "QUEUED", "RESOLVED");
    private static final ParameterizedTypeReference<Page<DeadLetter>> PAGE = new ParameterizedTypeReference<>() {
    };

    static final int PAGE_SIZE = 200;

    private final LeadLedgerApi api;
    private final ListReader lists;

    DeadLettersController(LeadLedgerApi api, ListReader lists) {
        this.api = api;
        this.lists = lists;
    }

    /** What an operator's action on a dead letter did: done (with the resulting status) or refused. */
    public record Outcome(long id, String action, String status, Problem problem) {

        public boolean isRefused() {
            return problem != null;
        }
    }

    record Retried(DeadLetter deadLetter, List<Long> applied, Long parked) {
    }

    /** A page of the dead letters of one status (parked unless asked), optionally of one aggregate. */
    @GetMapping
    String deadLetters(@RequestParam(required = false) String status,
                       @RequestParam(required = false) String aggregateId, @RequestParam(required = false) String size,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : "PARKED";
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", filter);
        filters.put("aggregateId", aggregateId);
        model.addAttribute("deadLetters", lists.read("/api/v1/admin/dead-letters", filters, PAGE, PAGE_SIZE, request,
                response, model));
        model.addAttribute("filters", ListFilters.at("/console/admin/dead-letters", "status-filter", "filter", size)
                .choice("status", "status", "field.status", filter, List.of(), STATUSES, "deadLetter.")
                .text("filter-aggregate-id", "aggregateId", "admin.field.aggregate", aggregateId));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", STATUSES);
        return "admin-dead-letters";
    }

    @GetMapping("/{id}")
    String deadLetter(@PathVariable long id, Model model) {
        model.addAttribute("deadLetter", api.read("/api/v1/admin/dead-letters/{id}", DeadLetter.class, id));
        return "admin-dead-letter";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        Outcome outcome;
        try {
            Retried retried = api.adminWrite("/api/v1/admin/dead-letters/{id}/retry", null, Retried.class, id);
            outcome = new Outcome(id, "retry", retried.deadLetter().status(), null);
        } catch (ApiProblem refused) {
            outcome = refusedOrRethrown(id, "retry", refused);
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/admin/dead-letters/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Outcome outcome;
        try {
            DeadLetter discarded = api.adminWrite("/api/v1/admin/dead-letters/{id}/discard",
                    Map.of("reason", reason == null ? "" : reason.strip()), DeadLetter.class, id);
            outcome = new Outcome(id, "discard", discarded.status(), null);
        } catch (ApiProblem refused) {
            outcome = refusedOrRethrown(id, "discard", refused);
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/admin/dead-letters/" + id;
    }

    private static Outcome refusedOrRethrown(long id, String action, ApiProblem refused) {
        if (refused.refusesTheUser()) {
            throw refused;
        }
        return new Outcome(id, action, null, refused.problem());
    }
}

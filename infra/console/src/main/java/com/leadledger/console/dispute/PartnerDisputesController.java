package com.leadledger.console.dispute;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.Problem;
import com.leadledger.console.list.ListFilters;
import com.leadledger.console.list.ListReader;
import com.leadledger.console.registration.Registration;
import com.leadledger.console.signin.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner's disputes: its list, opening a complaint, one dispute with its rulings, evidence and timeline, adding
 * evidence (a file's name and the SHA-256 the browser computed; the file is never sent), escalating and appealing.
 * What the partner reads is the API's party view, which never names the other party. Staff work disputes in
 * {@link ArbitrationController}.
 */
@Controller
@RequestMapping("/console/disputes")
class PartnerDisputesController {

    private static final ParameterizedTypeReference<Page<PartnerDispute>> PAGE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Page<Registration>> REGISTRATIONS =
            new ParameterizedTypeReference<>() {
            };
    static final List<String> CURRENCIES = List.of("RUB", "USD", "EUR");

    static final int PAGE_SIZE = 100;

    private final LeadLedgerApi api;
    private final ListReader lists;
    private final Clock clock;

    PartnerDisputesController(LeadLedgerApi api, ListReader lists, Clock clock) {
        this.api = api;
        this.lists = lists;
        this.clock = clock;
    }

    record Opened(String disputeId, String type, int level, Instant slaDueAt, String eventId) {
    }

    /** A page of the partner's disputes, open or ruled or both (the API takes no level or sort for a partner). */
    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String size,
                @ModelAttribute("user") ConsoleUser user, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        if (!user.isPartner()) {
            return "redirect:/console/arbitration";
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        model.addAttribute("disputes", lists.read("/api/v1/disputes", filters, PAGE, PAGE_SIZE, request, response,
                model));
        model.addAttribute("filters", ListFilters.at("/console/disputes", "disputes-filters", "disputes-apply", size)
                .choice("filter-dispute-status", "status", "field.status", status,
                        List.of(new ListFilters.Option("", "arbitration.allStatuses")), ArbitrationController.STATUSES,
                        "disputeStatus."));
        return "disputes";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String registrationId, Model model) {
        return showForm(model, ComplaintForm.empty(registrationId), null);
    }

    @PostMapping("/new")
    String open(@ModelAttribute("form") ComplaintForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            Opened opened = api.write("/api/v1/disputes", form.body(), form.idempotencyKey(), Opened.class);
            redirect.addFlashAttribute("result", new ActionResult("opened", opened.eventId(), null));
            redirect.addFlashAttribute("openedId", opened.disputeId());
            return "redirect:/console/disputes/" + opened.disputeId();
        } catch (ApiProblem refused) {
            response.setStatus(refused.problem().status());
            return showForm(model, form.withNewKey(), refused.problem());
        }
    }

    /** One dispute; right after opening it the query side may not have it yet, and the page says so. */
    @GetMapping("/{disputeId}")
    String dispute(@PathVariable String disputeId, @ModelAttribute("user") ConsoleUser user, Model model) {
        if (!user.isPartner()) {
            return "redirect:/console/arbitration/" + disputeId;
        }
        try {
            PartnerDispute dispute = api.read("/api/v1/disputes/{id}", PartnerDispute.class, disputeId);
            model.addAttribute("dispute", dispute);
            model.addAttribute("appealable", dispute.appealableAt(clock.instant()));
        } catch (ApiProblem refused) {
            if (refused.problem().status() != 404 || !disputeId.equals(model.getAttribute("openedId"))) {
                throw refused;
            }
            model.addAttribute("pendingId", disputeId);
        }
        return "dispute";
    }

    @PostMapping("/{disputeId}/evidence")
    String evidence(@PathVariable String disputeId, @RequestParam(required = false) String description,
                    @RequestParam(required = false) String documentName,
                    @RequestParam(required = false) String documentSha256, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "description", description);
        if (documentSha256 != null && !documentSha256.isBlank()) {
            Map<String, Object> document = new LinkedHashMap<>();
            Forms.putIfPresent(document, "name", documentName);
            Forms.putIfPresent(document, "sha256", documentSha256);
            body.put("documents", List.of(document));
        }
        return act(disputeId, "evidence", "/api/v1/disputes/{id}/evidence", body, redirect);
    }

    @PostMapping("/{disputeId}/escalate")
    String escalate(@PathVariable String disputeId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return act(disputeId, "escalated", "/api/v1/disputes/{id}/escalate", reason(reason), redirect);
    }

    @PostMapping("/{disputeId}/appeal")
    String appeal(@PathVariable String disputeId, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(disputeId, "appealed", "/api/v1/disputes/{id}/appeal", reason(reason), redirect);
    }

    private String act(String disputeId, String action, String path, Map<String, Object> body,
                       RedirectAttributes redirect) {
        ActionResult result;
        try {
            result = ActionResult.done(action, api.write(path, body, null, Map.class, disputeId));
        } catch (ApiProblem refused) {
            result = ActionResult.refused(action, refused.problem());
        }
        redirect.addFlashAttribute("result", result);
        return "redirect:/console/disputes/" + disputeId;
    }

    static Map<String, Object> reason(String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "reason", reason);
        return body;
    }

    private String showForm(Model model, ComplaintForm form, Problem problem) {
        model.addAttribute("form", form);
        model.addAttribute("types", ComplaintForm.TYPES);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("registrations", api.read("/api/v1/registrations?page=0&size=100", REGISTRATIONS).items());
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (problem != null) {
            problem.byField().forEach((field, message) ->
                    fieldErrors.merge(ComplaintForm.formField(field), message, (a, b) -> a + "; " + b));
        }
        model.addAttribute("problem", problem);
        model.addAttribute("fieldErrors", fieldErrors);
        return "dispute-new";
    }
}

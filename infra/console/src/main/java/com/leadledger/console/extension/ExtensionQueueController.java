package com.leadledger.console.extension;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.PolicyChoices;
import com.leadledger.console.api.RecordedEvent;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The extension requests awaiting a decision, oldest registration first; channel staff grant or refuse each. */
@Controller
@RequestMapping("/console/extensions")
class ExtensionQueueController {

    private static final ParameterizedTypeReference<Page<PendingExtension>> PAGE =
            new ParameterizedTypeReference<>() {
            };

    static final int PAGE_SIZE = 200;

    private final LeadLedgerApi api;
    private final ListReader lists;
    private final PolicyChoices policy;

    ExtensionQueueController(LeadLedgerApi api, ListReader lists, PolicyChoices policy) {
        this.api = api;
        this.lists = lists;
        this.policy = policy;
    }

    /**
     * A page of the registrations whose extension request awaits a decision, in the API's order: the oldest
     * registration first unless {@code sort=newest}.
     */
    @GetMapping
    String queue(@RequestParam(required = false) String sort, @RequestParam(required = false) String productLine,
                 @RequestParam(required = false) String size, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String order = sort == null || sort.isBlank() ? "oldest" : sort;
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("pendingExtension", "true");
        filters.put("productLine", productLine);
        filters.put("sort", order);
        model.addAttribute("pending", lists.read("/api/v1/registrations", filters, PAGE, PAGE_SIZE, request,
                response, model));
        model.addAttribute("filters", ListFilters.at("/console/extensions", "extensions-filters",
                        "extensions-apply", size)
                .choice("filter-product-line", "productLine", "field.productLine", productLine,
                        List.of(new ListFilters.Option("", "list.all")), policy.productLines(),
                        "productLine.")
                .choice("sort", "sort", "list.sort", order, List.of(), List.of("oldest", "newest"), "list.sort."));
        return "extensions";
    }

    @PostMapping("/{registrationId}/{extensionRequestId}/{decision:grant|refuse}")
    String decide(@PathVariable String registrationId, @PathVariable String extensionRequestId,
                  @PathVariable String decision, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        ExtensionOutcome outcome;
        try {
            Map<?, ?> answer = api.write("/api/v1/registrations/{id}/extension-requests/{rid}/" + decision, body,
                    null, Map.class, registrationId, extensionRequestId);
            outcome = new ExtensionOutcome(registrationId, decision, RecordedEvent.idIn(answer),
                    opportunityOf(registrationId), null);
        } catch (ApiProblem refused) {
            outcome = new ExtensionOutcome(registrationId, decision, null, null, refused.problem());
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/extensions";
    }

    record RegistrationOpportunity(String opportunityId) {
    }

    /** The opportunity whose stream recorded the decision, for the link to its audit entry; null if unreadable. */
    private String opportunityOf(String registrationId) {
        try {
            return api.read("/api/v1/registrations/{id}", RegistrationOpportunity.class, registrationId)
                    .opportunityId();
        } catch (ApiProblem | RestClientException unavailable) {
            return null;
        }
    }
}

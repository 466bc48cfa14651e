package com.leadledger.console.extension;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.RecordedEvent;
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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The extension requests awaiting a decision, oldest request first; channel staff grant or refuse each. */
@Controller
@RequestMapping("/console/extensions")
class ExtensionQueueController {

    private static final ParameterizedTypeReference<Page<PendingExtension>> PAGE =
            new ParameterizedTypeReference<>() {
            };

    private final LeadLedgerApi api;

    ExtensionQueueController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String queue(Model model) {
        List<PendingExtension> pending = api.read("/api/v1/registrations?pendingExtension=true&page=0&size=200", PAGE)
                .items().stream()
                .sorted(Comparator.comparing(p -> p.pendingExtension().requestedAt()))
                .toList();
        model.addAttribute("pending", pending);
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

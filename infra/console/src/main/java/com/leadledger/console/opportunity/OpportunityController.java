package com.leadledger.console.opportunity;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.RecordedEvent;
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

/**
 * The opportunity page for channel staff: who registered first, which registration the vendor supports and how
 * support changed, and the support decision. The form states the justifications a move or withdrawal may cite; the
 * API decides, and its refusal (for example {@code SUPPORT_SWITCH_NOT_ALLOWED}) is shown with its reason.
 */
@Controller
@RequestMapping("/console/opportunities/{opportunityId}")
class OpportunityController {

    static final List<String> ACTIONS = List.of("GRANT", "MOVE", "WITHDRAW");
    /** The reason codes a move or withdrawal away from a still protected registration may cite (see DOMAIN). */
    static final List<String> JUSTIFICATIONS = List.of("ARBITRATION_RULING", "PARTNER_WITHDREW", "PROTECTION_EXPIRED",
            "CUSTOMER_WRITTEN_PREFERENCE");

    private final LeadLedgerApi api;

    OpportunityController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String page(@PathVariable String opportunityId, Model model) {
        model.addAttribute("opportunity", api.read("/api/v1/opportunities/{id}", Opportunity.class, opportunityId));
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("justifications", JUSTIFICATIONS);
        return "opportunity";
    }

    @PostMapping("/support")
    String support(@PathVariable String opportunityId, @RequestParam String action,
                   @RequestParam(required = false) String registrationId,
                   @RequestParam(required = false) String reasonCode,
                   @RequestParam(required = false) String rulingDisputeId,
                   @RequestParam(required = false) String evidenceSha256,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        putIfPresent(body, "registrationId", registrationId);
        putIfPresent(body, "reasonCode", reasonCode);
        putIfPresent(body, "rulingDisputeId", rulingDisputeId);
        putIfPresent(body, "evidenceSha256", evidenceSha256);
        putIfPresent(body, "note", note);
        SupportOutcome outcome;
        try {
            Map<?, ?> answer = api.write("/api/v1/opportunities/{id}/support", body, null, Map.class, opportunityId);
            outcome = new SupportOutcome(action, registrationId, RecordedEvent.idIn(answer), null);
        } catch (ApiProblem refused) {
            outcome = new SupportOutcome(action, registrationId, null, refused.problem());
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/opportunities/" + opportunityId;
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}

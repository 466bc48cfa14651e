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
    /** The outcome's action when the customer's written preference was recorded (not a support action). */
    static final String RECORD_PREFERENCE = "RECORD_PREFERENCE";
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
            outcome = new SupportOutcome(action, registrationId, RecordedEvent.idIn(answer), null, null);
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            outcome = new SupportOutcome(action, registrationId, null, refused.problem(), null);
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/opportunities/" + opportunityId;
    }

    /**
     * Records the customer's written preference on the opportunity: a document's SHA-256 (computed in the browser,
     * the file is never sent), its name and an optional link. A move may then cite that SHA-256.
     */
    @PostMapping("/support/evidence")
    String recordPreference(@PathVariable String opportunityId, @RequestParam(required = false) String sha256,
                            @RequestParam(required = false) String name,
                            @RequestParam(required = false) String link, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sha256", sha256 == null ? "" : sha256.strip());
        body.put("name", name == null ? "" : name.strip());
        putIfPresent(body, "link", link);
        SupportOutcome outcome;
        try {
            Map<?, ?> answer = api.write("/api/v1/opportunities/{id}/support/evidence", body, null, Map.class,
                    opportunityId);
            outcome = new SupportOutcome(RECORD_PREFERENCE, null, RecordedEvent.idIn(answer), null,
                    String.valueOf(answer.get("evidenceSha256")));
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            outcome = new SupportOutcome(RECORD_PREFERENCE, null, null, refused.problem(), null);
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

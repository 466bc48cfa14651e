package com.leadledger.console.dumping;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
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

/**
 * The open possible-dumping flags, oldest first, with their numbers. Staff open a PRICE_DUMPING dispute from one (its
 * description pre-filled from the numbers, editable) and land on the new dispute, or dismiss it with a reason.
 */
@Controller
@RequestMapping("/console/dumping")
class DumpingQueueController {

    private static final ParameterizedTypeReference<Page<DumpingFlag>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;

    DumpingQueueController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String queue(Model model) {
        List<DumpingFlag> flags = api.read("/api/v1/dumping-flags?status=OPEN&page=0&size=200", PAGE).items();
        model.addAttribute("flags", flags);
        return "dumping";
    }

    @PostMapping("/{flagId}/dispute")
    String dispute(@PathVariable String flagId, @RequestParam(required = false) String description,
                   RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (description != null && !description.isBlank()) {
            body.put("description", description.strip());
        }
        try {
            Map<?, ?> answer = api.write("/api/v1/dumping-flags/{id}/dispute", body, null, Map.class, flagId);
            return "redirect:/console/arbitration/" + answer.get("disputeId");
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            redirect.addFlashAttribute("outcome", new FlagOutcome(flagId, "dispute", refused.problem()));
            return "redirect:/console/dumping";
        }
    }

    @PostMapping("/{flagId}/dismissal")
    String dismiss(@PathVariable String flagId, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null ? "" : reason.strip());
        FlagOutcome outcome;
        try {
            api.write("/api/v1/dumping-flags/{id}/dismissal", body, null, Map.class, flagId);
            outcome = new FlagOutcome(flagId, "dismissal", null);
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            outcome = new FlagOutcome(flagId, "dismissal", refused.problem());
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/dumping";
    }
}

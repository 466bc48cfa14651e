package com.leadledger.console.audit;

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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Is the history intact? The reconciliation of the copy with the event store, the latest checkpoints, and
 * verifications: the whole history as a job whose page shows its progress (and refreshes itself while it runs,
 * without script), or one opportunity at once.
 */
@Controller
@RequestMapping("/console/audit/integrity")
class IntegrityController {

    private static final ParameterizedTypeReference<Page<Checkpoint>> CHECKPOINTS =
            new ParameterizedTypeReference<>() {
            };

    private static final int SHOWN = 20;

    private final LeadLedgerApi api;

    IntegrityController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String overview(@RequestParam(defaultValue = "false") boolean refresh,
                    @RequestParam(required = false) String opportunityId, Model model) {
        model.addAttribute("prefill", opportunityId);
        model.addAttribute("reconciliation", api.read("/api/v1/audit/reconciliation?refresh={refresh}",
                Reconciliation.class, refresh));
        model.addAttribute("checkpoints", latestCheckpoints());
        return "audit-integrity";
    }

    /** The latest checkpoints, newest first (the command service lists them oldest first). */
    private List<Checkpoint> latestCheckpoints() {
        String path = "/api/v1/audit/checkpoints?page={page}&size=" + SHOWN;
        Page<Checkpoint> first = api.readCommand(path, CHECKPOINTS, 0);
        Page<Checkpoint> last = first.total() <= SHOWN ? first
                : api.readCommand(path, CHECKPOINTS, (first.total() - 1) / SHOWN);
        List<Checkpoint> newestFirst = new ArrayList<>(last.items());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @PostMapping("/verify")
    String verifyAll(RedirectAttributes redirect) {
        try {
            Verification job = api.read("/api/v1/audit/verify?scope=all&async=true", Verification.class);
            return "redirect:/console/audit/integrity/verifications/" + job.id();
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("problem", refused.problem());
            return "redirect:/console/audit/integrity";
        }
    }

    @GetMapping("/verifications/{id}")
    String verification(@PathVariable String id, Model model) {
        model.addAttribute("verification", api.read("/api/v1/audit/verify/jobs/{id}", Verification.class, id));
        return "audit-verification";
    }

    @PostMapping("/verify-opportunity")
    String verifyOpportunity(@RequestParam String opportunityId, Model model) {
        String id = opportunityId.strip();
        model.addAttribute("opportunityId", id);
        model.addAttribute("result", api.read("/api/v1/audit/verify?scope={scope}", Verification.Result.class,
                "opportunity:" + id));
        return "audit-verification";
    }
}

package com.leadledger.console.admin;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.List;

/**
 * Projection rebuilds for admins: the latest one and a button to start another; a started rebuild's page follows its
 * progress link ({@code rebuild.js} polls {@code progress.json}, which reads the query service's progress).
 */
@Controller
@RequestMapping("/console/admin/rebuild")
class RebuildController {

    private final LeadLedgerApi api;

    RebuildController(LeadLedgerApi api) {
        this.api = api;
    }

    public record Rebuild(String rebuildId, String state, List<String> tables, long eventsDone, long eventsTotal,
                          double eventsPerSecond, Instant startedAt, Instant finishedAt, String error) {

        public Rebuild {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        public boolean isRunning() {
            return "REPLAYING".equals(state) || "SWAPPING".equals(state);
        }
    }

    @GetMapping
    String latest(Model model) {
        try {
            model.addAttribute("rebuild", api.read("/api/v1/admin/projections/rebuild", Rebuild.class));
        } catch (ApiProblem refused) {
            if (refused.problem().status() != 404) {
                throw refused;
            }
            model.addAttribute("rebuild", null); // none since the query service started
        }
        return "admin-rebuild";
    }

    @PostMapping
    String start(RedirectAttributes redirect) {
        try {
            Rebuild started = api.adminWrite("/api/v1/admin/projections/rebuild", null, Rebuild.class);
            return "redirect:/console/admin/rebuild/" + started.rebuildId();
        } catch (ApiProblem refused) {
            if (refused.refusesTheUser()) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.problem()); // another rebuild is running
            return "redirect:/console/admin/rebuild";
        }
    }

    @GetMapping("/{rebuildId}")
    String progress(@PathVariable String rebuildId, Model model) {
        model.addAttribute("rebuild", status(rebuildId));
        return "admin-rebuild";
    }

    /** What the progress view polls. */
    @GetMapping(path = "/{rebuildId}/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Rebuild status(@PathVariable String rebuildId) {
        return api.read("/api/v1/admin/projections/rebuild/{id}", Rebuild.class, rebuildId);
    }
}

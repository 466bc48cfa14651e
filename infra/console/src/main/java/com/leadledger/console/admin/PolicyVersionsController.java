package com.leadledger.console.admin;

import com.leadledger.console.api.LeadLedgerApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The published policy versions, newest first, and a readable difference between any two of them; both documents
 * are read from the command service ({@code GET /api/v1/policies/{version}}, which every signed-in user may read).
 */
@Controller
@RequestMapping("/console/admin/policies")
class PolicyVersionsController {

    /** Versions listed at most (the newest); older ones can still be compared by number. */
    static final int LISTED = 50;

    private final LeadLedgerApi api;

    PolicyVersionsController(LeadLedgerApi api) {
        this.api = api;
    }

    record Version(long version, Instant publishedAt, String publishedBy) {
    }

    @GetMapping
    String versions(Model model) {
        Version current = api.readCommand("/api/v1/policies/current", Version.class);
        List<Version> versions = new ArrayList<>();
        versions.add(current);
        for (long v = current.version() - 1; v >= 1 && versions.size() < LISTED; v--) {
            versions.add(api.readCommand("/api/v1/policies/{version}", Version.class, v));
        }
        model.addAttribute("versions", versions);
        model.addAttribute("current", current.version());
        return "admin-policies";
    }

    @GetMapping("/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        JsonNode before = api.readCommand("/api/v1/policies/{version}", JsonNode.class, from).path("policy");
        JsonNode after = api.readCommand("/api/v1/policies/{version}", JsonNode.class, to).path("policy");
        model.addAttribute("diff", PolicyDiff.between(from, before, to, after));
        return "admin-policy-diff";
    }
}

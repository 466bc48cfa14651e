package com.leadledger.console.admin;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.list.PageAsked;
import com.leadledger.console.list.Paging;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

    /** Versions listed on a page unless the URL asks for another size. */
    static final int LISTED = 50;

    private final LeadLedgerApi api;

    PolicyVersionsController(LeadLedgerApi api) {
        this.api = api;
    }

    record Version(long version, Instant publishedAt, String publishedBy) {
    }

    /**
     * A page of the versions, newest first: versions are numbered from 1 without gaps, so the page's are read one by
     * one (the API has no list of them).
     */
    @GetMapping
    String versions(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Version current = api.readCommand("/api/v1/policies/current", Version.class);
        model.addAttribute("current", current.version());
        PageAsked asked;
        try {
            asked = PageAsked.of(page, size, LISTED);
        } catch (PageAsked.Refused refused) {
            response.setStatus(400);
            model.addAttribute("listProblem", refused.problem());
            model.addAttribute("versions", List.of(current));
            return "admin-policies";
        }
        List<Version> versions = new ArrayList<>();
        long newest = current.version() - (long) asked.page() * asked.size();
        for (long v = newest; v >= 1 && versions.size() < asked.size(); v--) {
            versions.add(v == current.version() ? current
                    : api.readCommand("/api/v1/policies/{version}", Version.class, v));
        }
        model.addAttribute("versions", versions);
        model.addAttribute("paging", Paging.of(request.getRequestURI(), request.getParameterMap(),
                new Page<>(versions, asked.page(), asked.size(), current.version())));
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

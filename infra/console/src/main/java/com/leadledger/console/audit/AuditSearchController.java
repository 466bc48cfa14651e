package com.leadledger.console.audit;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's start: find registrations by INN, company name, domain or id, and open their opportunity's history. */
@Controller
class AuditSearchController {

    private static final ParameterizedTypeReference<Page<SearchHit>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;

    AuditSearchController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping("/console/audit")
    String search(@RequestParam(required = false) String q, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            Page<SearchHit> found = api.read("/api/v1/audit/search?q={q}&page=0&size=100", PAGE, text);
            model.addAttribute("hits", found.items());
            model.addAttribute("total", found.total());
        }
        return "audit-search";
    }
}

package com.leadledger.console.audit;

import com.leadledger.console.api.Page;
import com.leadledger.console.list.ListReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** The auditor's start: find registrations by INN, company name, domain or id, and open their opportunity's history. */
@Controller
class AuditSearchController {

    private static final ParameterizedTypeReference<Page<SearchHit>> PAGE = new ParameterizedTypeReference<>() {
    };

    static final int PAGE_SIZE = 100;

    private final ListReader lists;

    AuditSearchController(ListReader lists) {
        this.lists = lists;
    }

    /** A page of the hits, newest registration first (the API's only order); the search text is its filter. */
    @GetMapping("/console/audit")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String size,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("size", size);
        if (!text.isEmpty()) {
            model.addAttribute("hits", lists.read("/api/v1/audit/search", Map.of("q", text), PAGE, PAGE_SIZE,
                    request, response, model));
        }
        return "audit-search";
    }
}

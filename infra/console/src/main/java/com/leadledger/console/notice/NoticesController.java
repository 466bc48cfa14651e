package com.leadledger.console.notice;

import com.leadledger.console.api.Page;
import com.leadledger.console.list.ListReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Instant;
import java.util.Map;

/** A partner's notices, newest first, exactly as the API words them (never naming another partner). */
@Controller
class NoticesController {

    record Notice(String noticeId, String registrationId, String opportunityId, String kind, String message,
                  Instant occurredAt) {
    }

    private static final ParameterizedTypeReference<Page<Notice>> PAGE = new ParameterizedTypeReference<>() {
    };

    static final int PAGE_SIZE = 100;

    private final ListReader lists;

    NoticesController(ListReader lists) {
        this.lists = lists;
    }

    /** A page of them; the API takes no filter or sort here. */
    @GetMapping("/console/notices")
    String notices(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("notices", lists.read("/api/v1/notices", Map.of(), PAGE, PAGE_SIZE, request, response,
                model));
        return "notices";
    }
}

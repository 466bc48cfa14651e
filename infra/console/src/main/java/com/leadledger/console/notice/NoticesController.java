package com.leadledger.console.notice;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Instant;

/** A partner's notices, newest first, exactly as the API words them (never naming another partner). */
@Controller
class NoticesController {

    record Notice(String noticeId, String registrationId, String opportunityId, String kind, String message,
                  Instant occurredAt) {
    }

    private static final ParameterizedTypeReference<Page<Notice>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;

    NoticesController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping("/console/notices")
    String notices(Model model) {
        model.addAttribute("notices", api.read("/api/v1/notices?page=0&size=100", PAGE).items());
        return "notices";
    }
}

package com.leadledger.console.partner;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.dispute.PartnerDispute;
import com.leadledger.console.signin.ConsoleUser;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The partner record, from the query service's partner view (tier, product lines, penalty points, disputes): staff
 * read any partner's, a partner its own, with the rulings of its disputes that ordered penalties against it.
 */
@Controller
@RequestMapping("/console/partner-record")
class PartnerRecordController {

    private static final ParameterizedTypeReference<Page<PartnerDispute>> DISPUTES =
            new ParameterizedTypeReference<>() {
            };

    private final LeadLedgerApi api;

    PartnerRecordController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String own(@ModelAttribute("user") ConsoleUser user, Model model) {
        if (!user.isPartner()) {
            return "redirect:/console/";
        }
        model.addAttribute("record", api.read("/api/v1/partners/{id}", PartnerRecord.class, user.partnerId()));
        model.addAttribute("own", OwnRecord.of(user.partnerId(),
                api.read("/api/v1/disputes?page=0&size=100", DISPUTES).items()));
        return "partner-record-own";
    }

    @GetMapping("/{partnerId}")
    String record(@PathVariable String partnerId, Model model) {
        model.addAttribute("record", api.read("/api/v1/partners/{id}", PartnerRecord.class, partnerId));
        return "partner-record";
    }
}

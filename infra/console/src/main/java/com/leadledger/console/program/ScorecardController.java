package com.leadledger.console.program;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.signin.ConsoleUser;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * A partner's scorecard as a page, as of an instant (a form to change it): a partner reads its own, staff and
 * auditors any partner's from the partner record. Who may read which is the API's answer.
 */
@Controller
@RequestMapping("/console/scorecard")
class ScorecardController {

    private static final ParameterizedTypeReference<Map<String, Object>> ANSWER = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;
    private final JsonMapper json;

    ScorecardController(LeadLedgerApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    @GetMapping
    String own(@ModelAttribute("user") ConsoleUser user, @RequestParam(required = false) String asOf, Model model) {
        if (!user.isPartner()) {
            return "redirect:/console/";
        }
        return page(user.partnerId(), asOf, model);
    }

    @GetMapping("/{partnerId}")
    String partner(@PathVariable String partnerId, @RequestParam(required = false) String asOf, Model model) {
        return page(partnerId, asOf, model);
    }

    private String page(String partnerId, String asOf, Model model) {
        Map<String, Object> answer = asOf == null || asOf.isBlank()
                ? api.read("/api/v1/partners/{id}/scorecard", ANSWER, partnerId)
                : api.read("/api/v1/partners/{id}/scorecard?asOf={asOf}", ANSWER, partnerId, asOf.strip());
        model.addAttribute("scorecard", ScorecardPage.of(answer, json));
        model.addAttribute("asOf", asOf);
        return "scorecard";
    }
}

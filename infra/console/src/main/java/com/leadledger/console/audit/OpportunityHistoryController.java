package com.leadledger.console.audit;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;

/**
 * An opportunity's history for auditors: the state {@code asOf} any instant of its stream, chosen with the time
 * slider (a script reloads only the state) or, without script, with the form or the list of instants; and every
 * decision with what the decider saw.
 */
@Controller
class OpportunityHistoryController {

    private static final ParameterizedTypeReference<Page<TrailEvent>> TRAIL = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<DecisionContext>> DECISIONS =
            new ParameterizedTypeReference<>() {
            };

    private final LeadLedgerApi api;
    private final StreamEvents streams;

    OpportunityHistoryController(LeadLedgerApi api, StreamEvents streams) {
        this.api = api;
        this.streams = streams;
    }

    @GetMapping("/console/audit/opportunities/{opportunityId}")
    String history(@PathVariable String opportunityId, @RequestParam(required = false) Integer step,
                   @RequestParam(required = false) String asOf, Model model) {
        Timeline timeline = Timeline.of(streams.of(opportunityId, TRAIL));
        int selected = timeline.select(step, AsOf.parse(asOf));
        model.addAttribute("opportunityId", opportunityId);
        model.addAttribute("timeline", timeline);
        model.addAttribute("selected", selected);
        if (selected >= 0) {
            Instant at = timeline.stops().get(selected).at();
            model.addAttribute("state", api.read("/api/v1/audit/opportunities/{id}?asOf={at}", OpportunityAsOf.class,
                    opportunityId, at.toString()));
        }
        model.addAttribute("decisions", api.read("/api/v1/audit/opportunities/{id}/decisions", DECISIONS,
                opportunityId));
        return "audit-opportunity";
    }
}

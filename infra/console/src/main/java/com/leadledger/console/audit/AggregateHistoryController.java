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
import java.util.Optional;

/**
 * The history of any aggregate (an opportunity, a dispute, a partner, the policy) for auditors: every event of its
 * stream with time, type, actor, its payload as a summary, global index and hashes, the event named by {@code event}
 * highlighted (the target of every "Recorded as event" link, {@code …?event=<id>#event-<id>}); for a dispute also its
 * state as of any instant of the stream (the opportunity's time slider, reused). It reads only the auditors' API, so a
 * role the API refuses gets the API's 403 here.
 */
@Controller
class AggregateHistoryController {

    static final String DISPUTE = "Dispute";
    static final String OPPORTUNITY = "Opportunity";

    private static final ParameterizedTypeReference<Page<HistoryEvent>> EVENTS =
            new ParameterizedTypeReference<>() {
            };

    private final LeadLedgerApi api;
    private final StreamEvents streams;

    AggregateHistoryController(LeadLedgerApi api, StreamEvents streams) {
        this.api = api;
        this.streams = streams;
    }

    @GetMapping("/console/audit/history/{aggregateId}")
    String history(@PathVariable String aggregateId, @RequestParam(required = false) String event,
                   @RequestParam(required = false) Integer step, @RequestParam(required = false) String asOf,
                   Model model) {
        List<HistoryEvent> events = streams.of(aggregateId, EVENTS);
        String aggregateType = events.isEmpty() ? null : events.get(0).aggregateType();
        Optional<HistoryEvent> highlighted = events.stream().filter(e -> e.eventId().equals(event)).findFirst();
        model.addAttribute("aggregateId", aggregateId);
        model.addAttribute("aggregateType", aggregateType);
        model.addAttribute("events", events);
        model.addAttribute("highlighted", event);
        model.addAttribute("highlightedMissing", event != null && !event.isBlank() && highlighted.isEmpty());
        model.addAttribute("opportunity", OPPORTUNITY.equals(aggregateType));
        boolean dispute = DISPUTE.equals(aggregateType);
        model.addAttribute("dispute", dispute);
        if (dispute) {
            Timeline timeline = Timeline.of(events.stream().map(HistoryEvent::asTrailEvent).toList());
            Instant at = AsOf.parse(asOf);
            int selected = timeline.select(step, at != null ? at : highlighted.map(HistoryEvent::timestamp)
                    .orElse(null));
            model.addAttribute("timeline", timeline);
            model.addAttribute("selected", selected);
            if (selected >= 0) {
                model.addAttribute("state", api.read("/api/v1/audit/disputes/{id}?asOf={at}", DisputeAsOf.class,
                        aggregateId, timeline.stops().get(selected).at().toString()));
            }
        }
        return "audit-history";
    }
}

package com.leadledger.console.dispute;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.Problem;
import com.leadledger.console.list.ListFilters;
import com.leadledger.console.list.ListReader;
import com.leadledger.console.signin.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Arbitration for staff: the dispute queue per level and status, one dispute with both parties, evidence, rulings,
 * timeline, the ranking at opening and the registrations it names; linking the respondent, assigning, escalating and
 * ruling (its effects listed on a confirmation step before it is sent). Every action goes to the command API with the
 * user's token, which decides who may do what; its refusal is shown on the dispute's page. Partners have their own
 * pages ({@link PartnerDisputesController}) and get the API's 403 here.
 */
@Controller
@RequestMapping("/console/arbitration")
class ArbitrationController {

    private static final ParameterizedTypeReference<Page<QueueItem>> PAGE = new ParameterizedTypeReference<>() {
    };
    static final List<String> LEVELS = List.of("1", "2", "3");
    static final List<String> STATUSES = List.of("OPEN", "CLOSED");
    private static final Map<String, String> LEVEL_OF_ROLE = Map.of("CHANNEL_MANAGER", "1",
            "CHANNEL_DIRECTOR", "2", "ARBITRATION_COMMITTEE", "3");

    static final int PAGE_SIZE = 100;

    private final LeadLedgerApi api;
    private final ListReader lists;

    ArbitrationController(LeadLedgerApi api, ListReader lists) {
        this.api = api;
        this.lists = lists;
    }

    /**
     * The queue, open disputes and the most urgent first. Without a {@code level} it shows the level the user
     * decides; an empty one shows every level.
     */
    @GetMapping
    String queue(@RequestParam(required = false) String level, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String size, @ModelAttribute("user") ConsoleUser user,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        staffOnly(user);
        String shownLevel = level != null ? level : deciderLevel(user);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("level", shownLevel);
        filters.put("status", status);
        model.addAttribute("items", lists.read("/api/v1/disputes", filters, PAGE, PAGE_SIZE, request, response,
                model));
        model.addAttribute("filters", ListFilters.at("/console/arbitration", "queue-filter", "apply-filter", size)
                .choice("filter-level", "level", "field.level", shownLevel,
                        List.of(new ListFilters.Option("", "arbitration.allLevels")), LEVELS, "level.")
                .choice("filter-status", "status", "field.status", status,
                        List.of(new ListFilters.Option("", "arbitration.allStatuses")), STATUSES, "disputeStatus."));
        return "arbitration";
    }

    @GetMapping("/{disputeId}")
    String dispute(@PathVariable String disputeId, @ModelAttribute("user") ConsoleUser user, Model model) {
        staffOnly(user);
        model.addAttribute("dispute", api.read("/api/v1/disputes/{id}", StaffDispute.class, disputeId));
        if (!model.containsAttribute("ruling")) {
            model.addAttribute("ruling", RulingForm.empty());
        }
        model.addAttribute("outcomes", RulingForm.OUTCOMES);
        return "arbitration-dispute";
    }

    @PostMapping("/{disputeId}/respondent")
    String respondent(@PathVariable String disputeId, @RequestParam(required = false) String partnerId,
                      @RequestParam(required = false) String registrationId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "partnerId", partnerId);
        Forms.putIfPresent(body, "registrationId", registrationId);
        return act(disputeId, "respondent", "/api/v1/disputes/{id}/respondent", body, null, redirect);
    }

    @PostMapping("/{disputeId}/assign")
    String assign(@PathVariable String disputeId, @RequestParam(required = false) String assignee,
                  RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "assignee", assignee);
        return act(disputeId, "assigned", "/api/v1/disputes/{id}/assign", body, null, redirect);
    }

    @PostMapping("/{disputeId}/escalate")
    String escalate(@PathVariable String disputeId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return act(disputeId, "escalated", "/api/v1/disputes/{id}/escalate", PartnerDisputesController.reason(reason),
                null, redirect);
    }

    /** The confirmation step: the ruling as filled in and everything it will do, nothing sent yet. */
    @PostMapping("/{disputeId}/ruling/confirm")
    String confirm(@PathVariable String disputeId, @ModelAttribute("ruling") RulingForm ruling,
                   @ModelAttribute("user") ConsoleUser user, Model model) {
        staffOnly(user);
        StaffDispute dispute = api.read("/api/v1/disputes/{id}", StaffDispute.class, disputeId);
        StaffDispute.Respondent respondent = dispute.respondent();
        model.addAttribute("dispute", dispute);
        model.addAttribute("effects", ruling.effects(respondent == null ? null : respondent.partnerId(),
                respondent == null ? null : respondent.registrationId()));
        return "ruling-confirm";
    }

    @PostMapping("/{disputeId}/ruling")
    String rule(@PathVariable String disputeId, @ModelAttribute("ruling") RulingForm ruling,
                RedirectAttributes redirect) {
        return act(disputeId, "ruled", "/api/v1/disputes/{id}/ruling", ruling.body(), ruling, redirect);
    }

    /** Sends the action; a refused ruling comes back filled in as it was, to correct and confirm again. */
    private String act(String disputeId, String action, String path, Map<String, Object> body, RulingForm ruling,
                       RedirectAttributes redirect) {
        ActionResult result;
        try {
            Map<?, ?> answer = api.write(path, body, ruling == null ? null : ruling.idempotencyKey(), Map.class,
                    disputeId);
            result = ActionResult.done(action, answer);
        } catch (ApiProblem refused) {
            result = ActionResult.refused(action, refused.problem());
            if (ruling != null) {
                redirect.addFlashAttribute("ruling", new RulingForm(ruling.outcome(), ruling.rationale(),
                        ruling.partyStatement(), ruling.rightfulRegistrationId(),
                        ruling.revokeRespondentProtection(), ruling.penaltyPoints(),
                        UUID.randomUUID().toString()));
            }
        }
        redirect.addFlashAttribute("result", result);
        return "redirect:/console/arbitration/" + disputeId;
    }

    /** The API shows a partner its own disputes at this path; the arbitration pages are not theirs: 403. */
    private static void staffOnly(ConsoleUser user) {
        if (user == null || user.isPartner()) {
            throw new ApiProblem(new Problem(403, "FORBIDDEN", "Forbidden",
                    "Arbitration is for the vendor's staff; partners find their disputes under My disputes.", null));
        }
    }

    private static String deciderLevel(ConsoleUser user) {
        return user.roles().stream().map(LEVEL_OF_ROLE::get).filter(Objects::nonNull).sorted()
                .reduce((first, higher) -> higher).orElse(null);
    }
}

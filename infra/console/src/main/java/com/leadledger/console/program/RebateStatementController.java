package com.leadledger.console.program;

import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.signin.ConsoleUser;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A partner's rebate statement for a period (a quarter like 2026-Q4 or a year; every closed period when none is
 * chosen) as of an instant, and the same statement as CSV: the console asks the query service under the user's
 * token and hands its CSV on. A partner reads its own; staff and auditors any partner's (the API answers 404 for
 * another partner's id, shown as the console's not-found page).
 */
@Controller
@RequestMapping("/console/rebates")
class RebateStatementController {

    static final Pattern PERIOD = Pattern.compile("\\d{4}(-Q[1-4])?");
    private static final String STATEMENTS = "/api/v1/partners/{id}/rebates?page=0&size=200";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final ParameterizedTypeReference<Page<RebateStatement>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final LeadLedgerApi api;

    RebateStatementController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping
    String own(@ModelAttribute("user") ConsoleUser user, @RequestParam(required = false) String period,
               @RequestParam(required = false) String asOf, Model model) {
        if (!user.isPartner()) {
            return "redirect:/console/";
        }
        return page(user.partnerId(), period, asOf, model);
    }

    @GetMapping("/{partnerId}")
    String partner(@PathVariable String partnerId, @RequestParam(required = false) String period,
                   @RequestParam(required = false) String asOf, Model model) {
        return page(partnerId, period, asOf, model);
    }

    /** The statement as the query service writes it as CSV (one row per statement), as a download. */
    @GetMapping("/{partnerId}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String partnerId, @RequestParam(required = false) String period,
                               @RequestParam(required = false) String asOf) {
        // a malformed period goes to the API as typed: its problem names the field, instead of a file of every period
        String chosen = blankToEmpty(period);
        String at = blankToEmpty(asOf);
        byte[] body = api.readBytes(query(chosen, at), CSV, variables(partnerId, chosen, at));
        String name = "rebates-" + partnerId + (chosen.isEmpty() ? "" : "-" + chosen) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private String page(String partnerId, String period, String asOf, Model model) {
        String chosen = blankToEmpty(period);
        String at = blankToEmpty(asOf);
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("period", chosen);
        model.addAttribute("asOf", at);
        if (!chosen.isEmpty() && !PERIOD.matcher(chosen).matches()) {
            model.addAttribute("periodInvalid", true);
            model.addAttribute("statements", List.of());
            return "rebates";
        }
        model.addAttribute("periodInvalid", false);
        model.addAttribute("csvPath", csvPath(partnerId, chosen, at));
        model.addAttribute("statements", api.read(query(chosen, at), PAGE, variables(partnerId, chosen, at)).items());
        return "rebates";
    }

    /** The console's CSV download of the same statement. */
    static String csvPath(String partnerId, String period, String asOf) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/console/rebates/{id}/csv");
        if (!period.isEmpty()) {
            path.queryParam("period", "{period}");
        }
        if (!asOf.isEmpty()) {
            path.queryParam("asOf", "{asOf}");
        }
        return path.encode().buildAndExpand(variables(partnerId, period, asOf)).toUriString();
    }

    /** The API's path with the period and the instant only when chosen (the API refuses an empty period). */
    static String query(String period, String asOf) {
        return STATEMENTS + (period.isEmpty() ? "" : "&period={period}") + (asOf.isEmpty() ? "" : "&asOf={asOf}");
    }

    private static Object[] variables(String partnerId, String period, String asOf) {
        List<Object> variables = new ArrayList<>(List.of(partnerId));
        if (!period.isEmpty()) {
            variables.add(period);
        }
        if (!asOf.isEmpty()) {
            variables.add(asOf);
        }
        return variables.toArray();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}

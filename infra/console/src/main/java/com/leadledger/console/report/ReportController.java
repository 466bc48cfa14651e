package com.leadledger.console.report;

import com.leadledger.console.api.LeadLedgerApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A fairness report as a page: the period and instant it covers (a form to change them), its headline figure as a
 * chart and every figure in a table. Who may read it is the API's answer.
 */
@Controller
class ReportController {

    private final LeadLedgerApi api;

    ReportController(LeadLedgerApi api) {
        this.api = api;
    }

    @GetMapping("/console/reports")
    String first() {
        return "redirect:/console/reports/" + ReportKind.CONFLICTS.path();
    }

    @GetMapping("/console/reports/{name}")
    String report(@PathVariable String name, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
                  Model model) {
        ReportKind kind = ReportKind.of(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/api/v1/reports/" + kind.path());
        addIfGiven(path, "from", from);
        addIfGiven(path, "to", to);
        addIfGiven(path, "asOf", asOf);
        Report report = api.read(path.build().encode().toUriString(), Report.class);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("report", report);
        model.addAttribute("cells", kind.cells(report.rows()));
        model.addAttribute("chart", kind.chart(report.rows()));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("asOf", asOf);
        return "report";
    }

    private static void addIfGiven(UriComponentsBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.queryParam(name, value.strip());
        }
    }
}

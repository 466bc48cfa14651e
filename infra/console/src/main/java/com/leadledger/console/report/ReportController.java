package com.leadledger.console.report;

import com.leadledger.console.api.LeadLedgerApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;

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
        List<String> query = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        addIfGiven(query, values, "from", from);
        addIfGiven(query, values, "to", to);
        addIfGiven(query, values, "asOf", asOf);
        String path = "/api/v1/reports/" + kind.path() + (query.isEmpty() ? "" : "?" + String.join("&", query));
        Report report = api.read(path, Report.class, values.toArray());
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

    /** A query parameter as a URI template variable, so that the client encodes its value. */
    private static void addIfGiven(List<String> query, List<Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "={" + name + "}");
            values.add(value.strip());
        }
    }
}

package com.leadledger.query.config;

import com.leadledger.kit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the query service's OpenAPI document says about itself; the service kit completes the rest. */
@Configuration
class ApiDocumentation {

    @Bean
    ApiDescription queryApiDescription() {
        return new ApiDescription("Lead Ledger query API",
                "Reads of the deal-registration programme, projected from the command service's events: "
                        + "registrations, the review queue, opportunities with their ranking, disputes, partners, "
                        + "notices, the auditors' view of the history (events, state as of an instant, "
                        + "verification) and fairness reports. A partner sees only its own objects; another "
                        + "partner's is not found. "
                        + "Errors are `application/problem+json` with a machine-readable `code`.",
                withProgram(Map.of("registrations", "Registration views: a partner its own, staff and auditors all.",
                        "review", "The reviewers' queue of pending registrations.",
                        "opportunities", "Opportunities with their ranking and support history (staff, AUDITOR).",
                        "disputes", "Dispute views: staff all, a partner its own with the other party hidden.",
                        "partners", "Partner views with penalty points (staff, AUDITOR).",
                        "notices", "A partner's notices, newest first.",
                        "audit", "The auditors' view: events with hashes, state as of an instant, verification.",
                        "admin", "Operators: projection rebuilds and dead letters (ADMIN).",
                        "dumping", "The possible-dumping queue with its numbers (staff, AUDITOR).",
                        "reports", "Fairness reports computed from the event log as of an instant (staff, AUDITOR).")),
                List.of());
    }

    /** The tags above (Map.of takes ten at most) and the partner program's. */
    private static Map<String, String> withProgram(Map<String, String> tags) {
        Map<String, String> all = new TreeMap<>(tags);
        all.put("program", "The partner program: a partner's scorecard as of an instant (the partner itself, staff,"
                + " AUDITOR).");
        return all;
    }
}

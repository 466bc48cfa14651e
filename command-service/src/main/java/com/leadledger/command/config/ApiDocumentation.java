package com.leadledger.command.config;

import com.leadledger.kit.openapi.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/** What the command service's OpenAPI document says about itself; the service kit completes the rest. */
@Configuration
class ApiDocumentation {

    @Bean
    ApiDescription commandApiDescription() {
        return new ApiDescription("Lead Ledger command API",
                "Writes of the deal-registration programme: partners register opportunities, staff review them, "
                        + "decide support, run disputes, onboard partners and publish policies. Every accepted write "
                        + "is an event in the tamper-evident event store; reads are on the query service. Errors "
                        + "are `application/problem+json` with a machine-readable `code`; POSTs accept an "
                        + "`Idempotency-Key`.",
                Map.of("registrations", "A partner's own registrations: submit, withdraw, extension requests, outcome.",
                        "review", "Staff decisions on registrations and extension requests.",
                        "support", "The vendor's support of one registration per opportunity.",
                        "disputes", "Channel-conflict disputes: open, evidence, escalation, ruling, appeal.",
                        "partners", "Partner onboarding and changes (ADMIN); a partner's e-mail contacts.",
                        "webhooks", "A partner's signed webhook: endpoint, secret, deliveries.",
                        "policies", "Programme policy versions.",
                        "audit", "Receipt keys, checkpoints and stream heads for verifying the history.",
                        "dumping", "Possible-dumping flags (staff): dismiss one, or open a pre-filled dispute from it."),
                List.of("/api/v1/audit/keys"));
    }
}

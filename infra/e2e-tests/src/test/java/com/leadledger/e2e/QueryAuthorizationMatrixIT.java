package com.leadledger.e2e;

import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every query endpoint × every role (and no token) on the running system: 401 without a token, 403 for a role that
 * may not read it, 200 for one that may (the partner reading its own registration); the dead-letter admin endpoints
 * (read, retry, discard) for ADMIN only.
 */
class QueryAuthorizationMatrixIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String PARTNER = "PARTNER";
    static final List<String> ROLES = List.of(PARTNER, "CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE",
            "AUDITOR", "ADMIN");
    static final Set<String> VENDOR = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE", "AUDITOR", "ADMIN");
    static final Set<String> REVIEWERS = Set.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ARBITRATION_COMMITTEE");

    static String token(String role) {
        return role.equals(PARTNER) ? partnerToken("P-1001") : staffToken(role);
    }

    @Test
    void everyQueryEndpointAnswersEveryRoleAsTheMatrixSays() {
        var submitted = system.commandApi.post("/api/v1/registrations", partnerToken("P-1001"), """
                {"customer": {"legalName": "Matrix", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), java.time.LocalDate.now().plusDays(30)));
        String r = submitted.text("registrationId");
        String o = submitted.text("opportunityId");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                system.queryApi.get("/api/v1/registrations/" + r, token(PARTNER)).status() == 200);
        String d = system.commandApi.post("/api/v1/disputes", partnerToken("P-1001"), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "matrix"}""".formatted(r))
                .text("disputeId");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                system.queryApi.get("/api/v1/disputes/" + d, token(PARTNER)).status() == 200);

        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        Set<String> everyone = Set.copyOf(ROLES);
        matrix.put("/api/v1/registrations", everyone);
        matrix.put("/api/v1/registrations/" + r, everyone);
        matrix.put("/api/v1/notices", Set.of(PARTNER));
        matrix.put("/api/v1/review-queue", REVIEWERS);
        matrix.put("/api/v1/opportunities/" + o, VENDOR);
        matrix.put("/api/v1/disputes", everyone);
        matrix.put("/api/v1/disputes/" + d, everyone);
        matrix.put("/api/v1/partners", VENDOR);
        matrix.put("/api/v1/partners/P-1001", VENDOR);
        matrix.put("/api/v1/audit/events?aggregateId=" + o, Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/verify?scope=stream:" + o, Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/opportunities/" + o + "?asOf=" + java.time.Instant.now(), Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/opportunities/" + o + "/decisions", Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/registrations/" + r, Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/disputes/" + d, Set.of("AUDITOR"));
        matrix.put("/api/v1/audit/partners/P-1001/timeline", Set.of("AUDITOR"));
        matrix.put("/api/v1/admin/dead-letters", Set.of("ADMIN"));
        matrix.put("/api/v1/audit/reconciliation", Set.of("AUDITOR"));
        String job = system.queryApi.get("/api/v1/audit/verify?scope=stream:" + o + "&async=true", token("AUDITOR"))
                .body().get("id").asText();
        matrix.put("/api/v1/audit/verify/jobs/" + job, Set.of("AUDITOR"));

        List<String> wrong = new ArrayList<>();
        for (var entry : matrix.entrySet()) {
            int anonymous = system.queryApi.get(entry.getKey(), null).status();
            if (anonymous != 401) {
                wrong.add("anonymous " + entry.getKey() + " -> " + anonymous);
            }
            for (String role : ROLES) {
                int status = system.queryApi.get(entry.getKey(), token(role)).status();
                int expected = entry.getValue().contains(role) ? 200 : 403;
                if (status != expected) {
                    wrong.add(role + " " + entry.getKey() + " -> " + status + " (expected " + expected + ")");
                }
            }
        }
        // A dead letter that does not exist: an admin gets past authorization (404), everyone else does not (403).
        String deadLetter = "/api/v1/admin/dead-letters/999999999";
        for (String role : ROLES) {
            int expected = role.equals("ADMIN") ? 404 : 403;
            int read = system.queryApi.get(deadLetter, token(role)).status();
            int retry = system.queryApi.post(deadLetter + "/retry", token(role), "").status();
            int discard = system.queryApi.post(deadLetter + "/discard", token(role), "{\"reason\": \"matrix\"}")
                    .status();
            if (read != expected || retry != expected || discard != expected) {
                wrong.add(role + " " + deadLetter + " -> " + read + ", retry -> " + retry + ", discard -> " + discard
                        + " (expected " + expected + ")");
            }
        }
        if (system.queryApi.get(deadLetter, null).status() != 401
                || system.queryApi.post(deadLetter + "/retry", null, "").status() != 401
                || system.queryApi.post(deadLetter + "/discard", null, "{\"reason\": \"x\"}").status() != 401) {
            wrong.add("anonymous " + deadLetter + " is not 401");
        }
        // projection rebuilds: only an admin may start one or read its progress
        String rebuild = "/api/v1/admin/projections/rebuild";
        for (String role : ROLES) {
            int read = system.queryApi.get(rebuild + "/unknown", token(role)).status();
            int expected = role.equals("ADMIN") ? 404 : 403;
            int start = role.equals("ADMIN") ? 403 : system.queryApi.post(rebuild, token(role), "").status();
            if (read != expected || start != 403) {
                wrong.add(role + " " + rebuild + " -> read " + read + ", start " + start);
            }
        }
        if (system.queryApi.post(rebuild, null, "").status() != 401) {
            wrong.add("anonymous POST " + rebuild + " is not 401");
        }
        assertThat(system.queryApi.get("/api/v1/anything-else", token("ADMIN")).status()).isEqualTo(403);
        // a foreign object: another partner's registration and dispute are "not found", exactly like missing ones
        assertThat(system.queryApi.get("/api/v1/registrations/" + r, partnerToken("P-1002")).status()).isEqualTo(404);
        assertThat(system.queryApi.get("/api/v1/disputes/" + d, partnerToken("P-1002")).status()).isEqualTo(404);
        assertThat(wrong).isEmpty();
    }
}

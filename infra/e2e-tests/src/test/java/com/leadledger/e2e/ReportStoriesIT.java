package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.DisputeStoriesIT.awaitOk;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fairness reports over a seeded story, figures checked by hand, and the same reports recomputed as of an instant
 * in the middle of the story, identical to what was captured at that instant. The story's period is bounded by
 * {@code from}/{@code to} around it, so that other stories of the shared system do not count (test classes run one
 * after another in this JVM); the support report is also keyed by a manager only this story uses.
 */
class ReportStoriesIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String AUDITOR = staffToken("AUDITOR");
    static final String DIRECTOR = staffToken("CHANNEL_DIRECTOR");
    static final List<String> REPORTS = List.of("conflicts", "decisions", "disputes", "support", "partners");

    @Test
    void reportsOfASeededStoryAreAsCountedByHandAndIdenticalWhenRecomputedAsOfAPastInstant() throws Exception {
        String managerId = "reports-manager-" + UUID.randomUUID();
        String supportManager = DevTokens.mint(managerId, List.of("CHANNEL_MANAGER"), null);
        Instant start = Instant.now().minusMillis(1);

        // P1 and P2 both register customer 1 for NETWORK_SECURITY (a conflict); P1 alone customer 2 for DATA_CENTER
        String p1 = onboardPartner("GOLD", "NETWORK_SECURITY", "DATA_CENTER");
        String p2 = onboardPartner("GOLD", "NETWORK_SECURITY");
        String inn = Inns.random();
        HttpApi.Answer first = submitted(p1, inn, "NETWORK_SECURITY");
        String r1 = first.text("registrationId");
        String opportunity = first.text("opportunityId");
        String r2 = submitted(p2, inn, "NETWORK_SECURITY").text("registrationId");
        String r3 = submitted(p1, Inns.random(), "DATA_CENTER").text("registrationId");

        // R1 approved at level 1 and supported; P2 opens a dispute
        ok("/api/v1/registrations/" + r1 + "/approve", MANAGER, "{\"discountPercent\": 10}");
        ok("/api/v1/opportunities/" + opportunity + "/support", supportManager,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + r1 + "\"}");
        HttpApi.Answer opened = post("/api/v1/disputes", partnerToken(p2), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s",
                 "description": "We met the customer first."}""".formatted(r2));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String dispute = opened.text("disputeId");
        system.awaitQuery("/api/v1/disputes/" + dispute, MANAGER, view -> true);
        system.awaitQuery("/api/v1/opportunities/" + opportunity, MANAGER,
                view -> r1.equals(view.path("supportedRegistrationId").asText()));

        // the capture in the middle: what the reports said then
        Map<String, JsonNode> middle = new LinkedHashMap<>();
        for (String report : REPORTS) {
            middle.put(report, report(report, "from=" + start));
        }
        assertThat(row(middle.get("decisions"), "level", "ALL").get("decided").asInt()).isEqualTo(1);
        assertThat(row(middle.get("disputes"), "type", "ALL").get("open").asInt()).isEqualTo(1);

        // dismissed at level 1, appealed by P2 to level 2, upheld there naming R2 rightful
        ok("/api/v1/disputes/" + dispute + "/ruling", MANAGER,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"No proof yet.\"}");
        ok("/api/v1/disputes/" + dispute + "/appeal", partnerToken(p2),
                "{\"reason\": \"Here is the proof of our meeting.\"}");
        ok("/api/v1/disputes/" + dispute + "/ruling", DIRECTOR, """
                {"outcome": "UPHELD", "rationale": "Earlier engagement proven.", "rightfulRegistrationId": "%s"}"""
                .formatted(r2));
        awaitOk(() -> post("/api/v1/registrations/" + r2 + "/approve", MANAGER,
                "{\"discountPercent\": 5, \"rulingDisputeId\": \"" + dispute + "\"}"));
        // support moves from R1, still protected, to R2 citing the ruling
        awaitOk(() -> post("/api/v1/opportunities/" + opportunity + "/support", supportManager, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "ARBITRATION_RULING",
                 "rulingDisputeId": "%s"}""".formatted(r2, dispute)));
        // R3's review SLA is breached at level 1; the director rejects it at level 2
        system.bringDeadlineForward("review-sla", r3);
        StorySteps.reviewQueueEntry(r3, entry -> entry.get("level").asInt() == 2);
        ok("/api/v1/registrations/" + r3 + "/reject", DIRECTOR, "{\"reasonCode\": \"INELIGIBLE\"}");
        system.awaitQuery("/api/v1/opportunities/" + opportunity, MANAGER,
                view -> r2.equals(view.path("supportedRegistrationId").asText()));
        StorySteps.registration(r3, MANAGER, StorySteps.status("REJECTED"));
        StorySteps.registration(r2, MANAGER, StorySteps.status("APPROVED"));
        String period = "from=" + start + "&to=" + Instant.now();

        JsonNode conflicts = report("conflicts", period);
        String month = java.time.YearMonth.from(instantOf(first).atZone(ZoneOffset.UTC)).toString();
        assertRow(row(conflicts, "productLine", "NETWORK_SECURITY"),
                Map.of("month", month, "opportunities", "1", "contested", "1", "contestedShare", "1.0"));
        assertRow(row(conflicts, "productLine", "DATA_CENTER"),
                Map.of("month", month, "opportunities", "1", "contested", "0", "contestedShare", "0.0"));
        assertThat(conflicts.get("rows")).hasSize(2);

        // level 1: R1 and R2 approved, R3's SLA breached; level 2: R3 rejected
        JsonNode decisions = report("decisions", period);
        assertRow(row(decisions, "level", "1"), Map.of("decided", "2", "approved", "2", "rejected", "0",
                "slaBreaches", "1"));
        assertRow(row(decisions, "level", "2"), Map.of("decided", "1", "approved", "0", "rejected", "1",
                "slaBreaches", "0"));
        assertRow(row(decisions, "level", "3"), Map.of("decided", "0", "slaBreaches", "0"));
        JsonNode all = row(decisions, "level", "ALL");
        assertRow(all, Map.of("decided", "3", "approved", "2", "rejected", "1", "slaBreaches", "1"));
        assertThat(all.get("p90HoursToDecision").decimalValue())
                .isGreaterThanOrEqualTo(all.get("medianHoursToDecision").decimalValue());

        // one DUPLICATE_CLAIM: ruled, upheld on appeal at level 2
        JsonNode disputes = report("disputes", period);
        for (String type : List.of("DUPLICATE_CLAIM", "ALL")) {
            assertRow(row(disputes, "type", type), Map.of("opened", "1", "open", "0", "upheld", "1",
                    "dismissed", "0", "reachedLevel1", "0", "reachedLevel2", "1", "reachedLevel3", "0",
                    "appealed", "1", "appealRate", "1.0"));
            assertThat(row(disputes, "type", type).get("medianHoursToRuling").isNumber()).isTrue();
        }
        assertRow(row(disputes, "type", "PRICE_DUMPING"), Map.of("opened", "0"));

        // the support manager moved support once, with a ruling, away from a protected registration
        JsonNode support = report("support", period);
        assertThat(support.get("rows").findValuesAsText("manager").stream().filter(managerId::equals)).hasSize(2);
        for (String reason : List.of("ARBITRATION_RULING", "ALL")) {
            JsonNode moved = rowOf(support, Map.of("manager", managerId, "reasonCode", reason));
            assertRow(moved, Map.of("moves", "1", "withdrawals", "0", "awayFromProtected", "1"));
        }

        // P1: R1 approved, R3 rejected; P2: R2 approved; every registration 90 days ahead of its close
        JsonNode partners = report("partners", period);
        long days = daysBeforeClose(r1);
        assertRow(row(partners, "partnerId", p1), Map.of("registrations", "2", "approved", "1", "rejected", "1",
                "approvalRate", "0.5", "won", "0", "lost", "0", "penaltyPoints", "0",
                "medianDaysBeforeClose", Long.toString(days), "earlyShare", "1.0", "earlyRegistrationDrop", "false"));
        assertThat(row(partners, "partnerId", p1).get("winRate").isNull()).isTrue();
        assertRow(row(partners, "partnerId", p2), Map.of("registrations", "1", "approved", "1", "rejected", "0",
                "approvalRate", "1.0", "earlyShare", "1.0", "earlyRegistrationDrop", "false"));

        // recomputed as of the middle instant, every report is what was captured then
        for (String report : REPORTS) {
            JsonNode then = middle.get(report);
            JsonNode again = report(report, "from=" + start + "&to=" + then.get("to").asText() + "&asOf="
                    + then.get("asOf").asText());
            assertThat(again).as(report).isEqualTo(then);
        }

        // the same rows as CSV
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.query.baseUrl() + "/api/v1/reports/decisions?" + period))
                .header("Authorization", "Bearer " + AUDITOR).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo("level,decided,approved,rejected,medianHoursToDecision,"
                + "p90HoursToDecision,slaBreaches");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).startsWith("ALL,3,2,1,");
        assertThat(csv.headers().firstValue("X-Report-As-Of")).isPresent();
    }

    @Test
    void aBoundThatIsNoInstantIsAProblemNamingItsField() {
        HttpApi.Answer answer = system.queryApi.get("/api/v1/reports/conflicts?from=yesterday", AUDITOR);
        StorySteps.refusedField(answer, "from", null);
        HttpApi.Answer reversed = system.queryApi.get("/api/v1/reports/partners?from=2026-02-01&to=2026-01-01",
                AUDITOR);
        StorySteps.refusedField(reversed, "to", null);
    }

    private static JsonNode report(String report, String query) {
        HttpApi.Answer answer = system.queryApi.get("/api/v1/reports/" + report + "?" + query, AUDITOR);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.text("report")).isEqualTo(report);
        return answer.body();
    }

    private static JsonNode row(JsonNode report, String column, String value) {
        return rowOf(report, Map.of(column, value));
    }

    private static JsonNode rowOf(JsonNode report, Map<String, String> key) {
        for (JsonNode row : report.get("rows")) {
            if (key.entrySet().stream().allMatch(k -> k.getValue().equals(row.path(k.getKey()).asText()))) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    /** Each expected cell; numbers compared by value (1.0 equals 1.0000). */
    private static void assertRow(JsonNode row, Map<String, String> expected) {
        expected.forEach((column, value) -> {
            JsonNode cell = row.get(column);
            if (cell.isNumber()) {
                assertThat(cell.decimalValue()).as(column + " of " + row).isEqualByComparingTo(value);
            } else {
                assertThat(cell.asText()).as(column + " of " + row).isEqualTo(value);
            }
        });
    }

    private static Instant instantOf(HttpApi.Answer submitted) {
        return Instant.parse(submitted.text("acceptedAt"));
    }

    private static long daysBeforeClose(String registrationId) {
        JsonNode view = system.queryApi.get("/api/v1/registrations/" + registrationId, MANAGER).body();
        LocalDate accepted = Instant.parse(view.get("acceptedAt").asText()).atZone(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.DAYS.between(accepted, LocalDate.parse(view.get("expectedCloseDate").asText()));
    }
}

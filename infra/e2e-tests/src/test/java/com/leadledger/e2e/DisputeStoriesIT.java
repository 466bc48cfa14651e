package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.localruntime.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The arbitration ladder through HTTP, PostgreSQL and Kafka with both services as processes: a price-dumping
 * complaint that escalates on a missed SLA and is upheld with effects, a support override reversed on appeal, and the
 * refusals (wrong level, partner, closed dispute, appeal after the window).
 */
class DisputeStoriesIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String A = "P-1001"; // GOLD
    static final String B = "P-1002"; // SILVER
    static final String OUTSIDER = "P-1003";
    static final String MANAGER = staffToken("CHANNEL_MANAGER");
    static final String DIRECTOR = staffToken("CHANNEL_DIRECTOR");
    static final String COMMITTEE = staffToken("ARBITRATION_COMMITTEE");
    static final String AUDITOR = staffToken("AUDITOR");

    @Test
    void dumpingComplaintEscalatesOnAMissedSlaAndTheDirectorUpholdsIt() throws Exception {
        String inn = Inns.random();
        String regA = submit(A, inn, "NETWORK_SECURITY").text("registrationId");
        String oppA = opportunityOf(regA);
        String regB = submit(B, inn, "DATA_CENTER").text("registrationId");
        ok(post("/api/v1/registrations/" + regA + "/approve", MANAGER, "{\"discountPercent\": 12.5}"));
        ok(post("/api/v1/opportunities/" + oppA + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + regA + "\"}"));
        ok(post("/api/v1/registrations/" + regB + "/approve", MANAGER, "{\"discountPercent\": 5}"));
        int pointsBefore = system.awaitQuery("/api/v1/partners/" + B, MANAGER, p -> true).get("penaltyPoints")
                .asInt();

        // A complains: B quoted the customer 18 % below list (1 250 000) while entitled to 5 %
        HttpApi.Answer opened = post("/api/v1/disputes", partnerToken(A), """
                {"type": "PRICE_DUMPING", "registrationId": "%s",
                 "description": "The customer received an offer 18 %% below list from another partner.",
                 "amounts": {"quotedPrice": {"amount": "1187500.00", "currency": "RUB"},
                             "allegedPrice": {"amount": "1025000.00", "currency": "RUB"},
                             "entitledDiscountPercent": 5}}""".formatted(regA));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body().get("level").asInt()).isEqualTo(1);
        String dispute = opened.text("disputeId");
        // level 1 (a channel manager) is due two business days after the opening
        JsonNode openedView = system.awaitQuery("/api/v1/disputes/" + dispute, MANAGER, d -> true);
        Instant levelOneDue = StorySteps.businessDaysAfter(Instant.parse(openedView.get("openedAt").asText()), 2);
        assertThat(Instant.parse(opened.text("slaDueAt"))).isEqualTo(levelOneDue);
        assertThat(Instant.parse(openedView.get("slaDueAt").asText())).isEqualTo(levelOneDue);
        created(post("/api/v1/disputes/" + dispute + "/evidence", partnerToken(A), """
                {"description": "the customer's forwarded offer",
                 "documents": [{"name": "offer.pdf", "sha256": "%s"}]}""".formatted("3f".repeat(32))));

        // staff link B; the complainant is never told who it is
        ok(post("/api/v1/disputes/" + dispute + "/respondent", MANAGER,
                "{\"partnerId\": \"" + B + "\", \"registrationId\": \"" + regB + "\"}"));
        ok(post("/api/v1/disputes/" + dispute + "/assign", MANAGER, "{\"assignee\": \"channel_manager-1\"}"));
        JsonNode atLevel1 = system.awaitQuery("/api/v1/disputes?level=1&status=OPEN&size=200", MANAGER,
                q -> item(q, dispute) != null && !item(q, dispute).get("assignee").isNull());
        assertThat(item(atLevel1, dispute).get("slaBreached").asBoolean()).isFalse();

        // level 1 misses its SLA: the persistent deadline escalates to level 2
        system.bringDeadlineForward("dispute-sla", dispute);
        JsonNode atLevel2 = system.awaitQuery("/api/v1/disputes?level=2&status=OPEN&size=200", DIRECTOR,
                q -> item(q, dispute) != null);
        assertThat(item(atLevel2, dispute).get("assignee").isNull()).isTrue();
        // level 2 (a director) is due three business days after level 1 was due, however late the deadline ran
        assertThat(Instant.parse(item(atLevel2, dispute).get("slaDueAt").asText()))
                .isEqualTo(StorySteps.businessDaysAfter(levelOneDue, 3));
        assertThat(item(atLevel2, dispute).get("respondentPartnerId").asText()).isEqualTo(B);

        // the manager may no longer rule; the director upholds
        HttpApi.Answer byManager = post("/api/v1/disputes/" + dispute + "/ruling", MANAGER,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"too late\"}");
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.text("code")).isEqualTo("NOT_DECIDER_OF_LEVEL");
        HttpApi.Answer ruling = post("/api/v1/disputes/" + dispute + "/ruling", DIRECTOR, """
                {"outcome": "UPHELD", "rationale": "The offer undercut the list price far beyond the 5 % the \
                respondent was entitled to.", "revokeRespondentProtection": true, "penaltyPoints": 10}""");
        ok(ruling);
        assertThat(ruling.body().get("level").asInt()).isEqualTo(2);
        assertThat(ruling.body().get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(ruling.body().get("appeal").asBoolean()).isFalse();
        JsonNode ruled = system.awaitQuery("/api/v1/disputes/" + dispute, DIRECTOR, d -> d.get("rulings").size() == 1)
                .get("rulings").get(0);
        // the policy's appeal window: ten days from the ruling
        assertThat(Instant.parse(ruling.text("appealableUntil")))
                .isEqualTo(Instant.parse(ruled.get("decidedAt").asText()).plus(Duration.ofDays(10)))
                .isEqualTo(Instant.parse(ruled.get("appealableUntil").asText()));
        assertThat(ruled.get("decidedBy").asText()).isEqualTo("channel_director-1");

        // the effects: B loses protection and gets penalty points, each its own event caused by the ruling
        JsonNode revoked = system.awaitQuery("/api/v1/registrations/" + regB, partnerToken(B),
                r -> "REVOKED".equals(r.path("status").asText())
                        && r.path("notices").toString().contains("PROTECTION_REVOKED"));
        assertThat(revoked.at("/notices/0/kind").asText()).isEqualTo("PROTECTION_REVOKED");
        assertThat(revoked.at("/notices/0/message").asText()).isEqualTo("An arbitration ruling revoked the protection "
                + "of your registration. You may appeal the ruling within the policy's appeal window.");
        // the partner record and the dispute are projected from different streams: wait for both
        JsonNode partnerB = system.awaitQuery("/api/v1/partners/" + B, MANAGER,
                p -> p.get("penaltyPoints").asInt() == pointsBefore + 10 && historyOf(p, dispute) != null
                        && "UPHELD".equals(historyOf(p, dispute).path("lastOutcome").asText()));
        JsonNode history = historyOf(partnerB, dispute);
        assertThat(history.get("role").asText()).isEqualTo("RESPONDENT");
        assertThat(history.get("status").asText()).isEqualTo("CLOSED");
        assertThat(history.get("level").asInt()).isEqualTo(2);
        assertThat(history.get("lastOutcome").asText()).isEqualTo("UPHELD");
        assertThat(history.get("penaltyPoints").asInt()).isEqualTo(10);
        JsonNode staffView = system.awaitQuery("/api/v1/disputes/" + dispute, DIRECTOR,
                d -> d.get("timeline").findValuesAsText("kind").containsAll(
                        java.util.List.of("PROTECTION_REVOKED", "PENALTY_APPLIED")));
        assertThat(staffView.get("timeline").findValuesAsText("kind")).containsSubsequence("OPENED",
                "RESPONDENT_LINKED", "ASSIGNED", "ESCALATED", "RULED");
        assertThat(staffView.get("rankingAtOpening").findValuesAsText("registrationId")).containsExactly(regA);
        assertThat(staffView.get("rankingAtOpening").get(0).get("supported").asBoolean()).isTrue();
        String ruledEventId = eventIdOf(dispute, "DisputeRuled");
        JsonNode revocation = eventOf(opportunityOf(regB), "RegistrationRevoked");
        JsonNode penalty = eventOf(B, "PartnerPenalized");
        assertThat(revocation.get("metadata").get("causationId").asText()).isEqualTo(ruledEventId);
        assertThat(penalty.get("metadata").get("causationId").asText()).isEqualTo(ruledEventId);
        assertThat(revocation.get("metadata").get("correlationId").asText())
                .isEqualTo(penalty.get("metadata").get("correlationId").asText());

        // A's complaint view never shows B's identity
        JsonNode complainantView = system.awaitQuery("/api/v1/disputes/" + dispute, partnerToken(A),
                d -> "CLOSED".equals(d.path("status").asText()));
        assertThat(complainantView.get("role").asText()).isEqualTo("COMPLAINANT");
        assertThat(complainantView.get("rulings").get(0).get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(complainantView.get("rulings").get(0).get("penaltyPoints").asInt()).isEqualTo(10);
        assertThat(complainantView.toString()).doesNotContain(B, regB, opportunityOf(regB));
        JsonNode complainantList = system.queryApi.get("/api/v1/disputes?size=200", partnerToken(A)).body();
        assertThat(item(complainantList, dispute).toString()).doesNotContain(B, regB);
    }

    @Test
    void supportOverrideIsUpheldOnAppealAndSupportMovesBackByArbitrationRuling() {
        String inn = Inns.random();
        String regA = submit(A, inn, "NETWORK_SECURITY").text("registrationId");
        String regB = submit(B, inn, "NETWORK_SECURITY").text("registrationId");
        String opp = opportunityOf(regA);
        ok(post("/api/v1/registrations/" + regA + "/approve", MANAGER, "{\"discountPercent\": 10}"));
        ok(post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + regA + "\"}"));

        // B contests the ranking; the manager names B's registration rightful, which unblocks its approval
        String claim = post("/api/v1/disputes", partnerToken(B), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s",
                 "description": "We presented to the customer months before the other registration."}"""
                .formatted(regB)).text("disputeId");
        ok(post("/api/v1/disputes/" + claim + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "Earlier engagement proven.", "rightfulRegistrationId": "%s"}"""
                .formatted(regB)));
        awaitOk(() -> post("/api/v1/registrations/" + regB + "/approve", MANAGER,
                "{\"discountPercent\": 5, \"rulingDisputeId\": \"" + claim + "\"}"));

        // staff record the customer's written preference, then move support from A to B citing it
        assertThat(post("/api/v1/opportunities/" + opp + "/support/evidence", MANAGER, """
                {"sha256": "%s", "name": "customer letter of 1 Dec"}""".formatted("a1".repeat(32))).status())
                .isEqualTo(201);
        ok(post("/api/v1/opportunities/" + opp + "/support", MANAGER, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "CUSTOMER_WRITTEN_PREFERENCE",
                 "evidenceSha256": "%s", "note": "customer letter of 1 Dec"}""".formatted(regB, "a1".repeat(32))));

        // A contests the move, escalates with a reason, is dismissed by the director and appeals
        HttpApi.Answer override = post("/api/v1/disputes", partnerToken(A), """
                {"type": "SUPPORT_OVERRIDE", "registrationId": "%s",
                 "description": "Support was moved away while our registration was protected."}""".formatted(regA));
        assertThat(override.status()).as(override.raw()).isEqualTo(201);
        String dispute = override.text("disputeId");
        HttpApi.Answer escalated = post("/api/v1/disputes/" + dispute + "/escalate", partnerToken(A),
                "{\"reason\": \"The customer letter was solicited by the other partner.\"}");
        ok(escalated);
        assertThat(escalated.body().get("level").asInt()).isEqualTo(2);
        ok(post("/api/v1/disputes/" + dispute + "/ruling", DIRECTOR,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"A written preference is a valid reason.\"}"));
        HttpApi.Answer appeal = post("/api/v1/disputes/" + dispute + "/appeal", partnerToken(A),
                "{\"reason\": \"The letter was drafted by the other partner; see the metadata.\"}");
        ok(appeal);
        assertThat(appeal.body().get("level").asInt()).isEqualTo(3);
        JsonNode atLevel3 = system.awaitQuery("/api/v1/disputes?level=3&status=OPEN&size=200", COMMITTEE,
                q -> item(q, dispute) != null);
        assertThat(item(atLevel3, dispute).get("appealed").asBoolean()).isTrue();

        // the committee upholds on appeal and names A's registration rightful
        HttpApi.Answer upheld = post("/api/v1/disputes/" + dispute + "/ruling", COMMITTEE, """
                {"outcome": "UPHELD", "rationale": "The preference letter was not the customer's own.",
                 "rightfulRegistrationId": "%s"}""".formatted(regA));
        ok(upheld);
        assertThat(upheld.body().get("appeal").asBoolean()).isTrue();

        // support moves back with ARBITRATION_RULING once the ruling is recorded on the opportunity
        awaitOk(() -> post("/api/v1/opportunities/" + opp + "/support", MANAGER, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "ARBITRATION_RULING",
                 "rulingDisputeId": "%s"}""".formatted(regA, dispute)));
        JsonNode opportunity = system.awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> regA.equals(o.path("supportedRegistrationId").asText()));
        assertThat(opportunity.get("supportHistory").findValuesAsText("action"))
                .containsExactly("GRANTED", "EVIDENCE_RECORDED", "MOVED", "MOVED");
        JsonNode movedBack = opportunity.get("supportHistory").get(3);
        assertThat(movedBack.get("fromRegistrationId").asText()).isEqualTo(regB);
        assertThat(movedBack.get("toRegistrationId").asText()).isEqualTo(regA);
        assertThat(movedBack.get("reasonCode").asText()).isEqualTo("ARBITRATION_RULING");
        assertThat(movedBack.get("rulingDisputeId").asText()).isEqualTo(dispute);
        assertThat(movedBack.get("actorId").asText()).isEqualTo("channel_manager-1");

        JsonNode complainantView = system.awaitQuery("/api/v1/disputes/" + dispute, partnerToken(A),
                d -> d.get("rulings").size() == 2);
        assertThat(complainantView.get("rulings").get(1).get("yourRegistrationRightful").asBoolean()).isTrue();
        assertThat(complainantView.get("rulings").get(1).get("rightfulRegistrationId").asText()).isEqualTo(regA);
        assertThat(complainantView.get("appealed").asBoolean()).isTrue();
        assertThat(complainantView.toString()).doesNotContain(B, regB);
        JsonNode staffView = system.awaitQuery("/api/v1/disputes/" + dispute, COMMITTEE,
                d -> d.get("timeline").findValuesAsText("kind").contains("SUPPORT_MOVED"));
        assertThat(staffView.get("timeline").findValuesAsText("kind")).containsSubsequence("OPENED", "ESCALATED",
                "RULED", "APPEALED", "RULED", "RULING_RECORDED", "SUPPORT_MOVED");
    }

    @Test
    void rulingsByTheWrongLevelOrAPartnerOnAClosedDisputeAndLateAppealsAreRefused() {
        String regA = submit(A, Inns.random(), "COLLABORATION").text("registrationId");
        String dispute = post("/api/v1/disputes", partnerToken(A), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "Our ranking is wrong."}"""
                .formatted(regA)).text("disputeId");
        String dismiss = "{\"outcome\": \"DISMISSED\", \"rationale\": \"The ranking follows the acceptance times.\"}";

        HttpApi.Answer wrongLevel = post("/api/v1/disputes/" + dispute + "/ruling", DIRECTOR, dismiss);
        assertThat(wrongLevel.status()).isEqualTo(403);
        assertThat(wrongLevel.contentType()).contains("application/problem+json");
        assertThat(wrongLevel.text("code")).isEqualTo("NOT_DECIDER_OF_LEVEL");
        HttpApi.Answer byPartner = post("/api/v1/disputes/" + dispute + "/ruling", partnerToken(A), dismiss);
        assertThat(byPartner.status()).isEqualTo(403);
        assertThat(byPartner.text("code")).isEqualTo("FORBIDDEN");
        HttpApi.Answer outsider = post("/api/v1/disputes/" + dispute + "/evidence", partnerToken(OUTSIDER),
                "{\"description\": \"curious\"}");
        HttpApi.Answer unknown = post("/api/v1/disputes/no-such-dispute/evidence", partnerToken(OUTSIDER),
                "{\"description\": \"curious\"}");
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.text("code")).isEqualTo("NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outsider.body().get("detail")).isEqualTo(unknown.body().get("detail"));

        ok(post("/api/v1/disputes/" + dispute + "/ruling", MANAGER, dismiss));
        HttpApi.Answer closed = post("/api/v1/disputes/" + dispute + "/ruling", MANAGER, dismiss);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.text("code")).isEqualTo("DISPUTE_CLOSED");
        system.awaitQuery("/api/v1/disputes/" + dispute, partnerToken(A), d -> "CLOSED".equals(d.path("status")
                .asText()));
        HttpApi.Answer outsiderRead = system.queryApi.get("/api/v1/disputes/" + dispute, partnerToken(OUTSIDER));
        assertThat(outsiderRead.status()).isEqualTo(404);
        assertThat(outsiderRead.text("code")).isEqualTo("NOT_FOUND");

        // eleven days later the ten-day appeal window is over
        try (ServiceProcess later = system.commandServiceAhead(Duration.ofDays(11))) {
            HttpApi.Answer late = new HttpApi(later.baseUrl()).post("/api/v1/disputes/" + dispute + "/appeal",
                    partnerToken(A), "{\"reason\": \"We found new evidence.\"}");
            assertThat(late.status()).as(late.raw()).isEqualTo(409);
            assertThat(late.text("code")).isEqualTo("APPEAL_WINDOW_CLOSED");
        }
        // today it is still open: the same appeal is accepted
        HttpApi.Answer inTime = post("/api/v1/disputes/" + dispute + "/appeal", partnerToken(A),
                "{\"reason\": \"We found new evidence.\"}");
        ok(inTime);
        assertThat(inTime.body().get("level").asInt()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    static HttpApi.Answer submit(String partner, String inn, String productLine) {
        HttpApi.Answer answer = post("/api/v1/registrations", partnerToken(partner), """
                {"customer": {"legalName": "ООО «Вектор» %s", "country": "RU", "taxId": "%s"},
                 "productLine": "%s", "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, productLine, LocalDate.now().plusDays(90)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer;
    }

    static HttpApi.Answer post(String path, String token, String json) {
        return system.commandApi.post(path, token, json);
    }

    static void ok(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    static void created(HttpApi.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    }

    /** Repeats a command refused only until an asynchronous ruling effect has been recorded. */
    static void awaitOk(java.util.function.Supplier<HttpApi.Answer> command) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpApi.Answer answer = command.get();
            assertThat(answer.status()).as(answer.raw()).isIn(200, 409);
            return answer.status() == 200;
        });
    }

    static String opportunityOf(String registrationId) {
        return system.awaitQuery("/api/v1/registrations/" + registrationId, MANAGER, r -> true)
                .get("opportunityId").asText();
    }

    static String eventIdOf(String aggregateId, String eventType) {
        return eventOf(aggregateId, eventType).get("eventId").asText();
    }

    /** The aggregate's last event of the type, as the auditors' event log shows it (with metadata). */
    static JsonNode eventOf(String aggregateId, String eventType) {
        JsonNode events = system.awaitQuery("/api/v1/audit/events?size=200&aggregateId=" + aggregateId, AUDITOR,
                e -> e.get("items").findValuesAsText("eventType").contains(eventType));
        JsonNode found = null;
        for (JsonNode event : events.get("items")) {
            if (event.get("eventType").asText().equals(eventType)) {
                found = event;
            }
        }
        return found;
    }

    /** The partner record's entry for the dispute, or null. */
    static JsonNode historyOf(JsonNode partner, String disputeId) {
        for (JsonNode entry : partner.get("disputes")) {
            if (disputeId.equals(entry.get("disputeId").asText())) {
                return entry;
            }
        }
        return null;
    }

    static JsonNode item(JsonNode page, String disputeId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("disputeId").asText().equals(disputeId)) {
                return item;
            }
        }
        return null;
    }
}

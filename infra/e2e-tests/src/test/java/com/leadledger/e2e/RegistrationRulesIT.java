package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registration rules through HTTP, PostgreSQL and Kafka with both services as processes. Deadlines that are days
 * away are brought forward by moving their execution time in the deadline store (what waiting would do); the
 * deadline handlers themselves run unchanged.
 */
class RegistrationRulesIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String A = "P-1001";
    static final String B = "P-1002";
    static final String MANAGER = staffToken("CHANNEL_MANAGER");

    static HttpApi.Answer submit(String partner, String customerJson) {
        return system.commandApi.post("/api/v1/registrations", partnerToken(partner), """
                {"customer": %s, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(customerJson, LocalDate.now().plusDays(90)));
    }

    static JsonNode awaitQuery(String path, String token, java.util.function.Predicate<JsonNode> condition) {
        return system.awaitQuery(path, token, condition);
    }

    static void bringDeadlineForward(String deadlineName, String registrationId) throws Exception {
        system.bringDeadlineForward(deadlineName, registrationId);
    }

    @Test
    void firstToRegisterProtectionExpiryAndSupportMoveStory() throws Exception {
        String inn = Inns.random();
        // partner A registers, partner B registers the same customer with a differently spelled name and the same INN
        var regA = submit(A, "{\"legalName\": \"ООО «Ромашка»\", \"country\": \"RU\", \"taxId\": \"" + inn + "\"}");
        var regB = submit(B, "{\"legalName\": \"Romashka LLC\", \"country\": \"RU\", \"taxId\": \"" + inn.substring(0, 4)
                + "-" + inn.substring(4) + "\"}");
        assertThat(regA.status()).as(regA.raw()).isEqualTo(201);
        assertThat(regB.status()).as(regB.raw()).isEqualTo(201);
        String idA = regA.text("registrationId");
        String idB = regB.text("registrationId");
        String opp = regA.text("opportunityId");
        assertThat(regB.text("opportunityId")).isEqualTo(opp);

        // staff approve A
        var approveA = system.commandApi.post("/api/v1/registrations/" + idA + "/approve", MANAGER,
                "{\"discountPercent\": 12.5, \"note\": \"first to register\"}");
        assertThat(approveA.status()).as(approveA.raw()).isEqualTo(200);

        // B is refused with an anonymous notice
        var approveB = system.commandApi.post("/api/v1/registrations/" + idB + "/approve", MANAGER,
                "{\"discountPercent\": 5}");
        assertThat(approveB.status()).isEqualTo(409);
        assertThat(approveB.text("code")).isEqualTo("EARLIER_REGISTRATION_EXISTS");
        assertThat(approveB.text("earlierRegisteredAt")).isEqualTo(regA.text("acceptedAt"));
        JsonNode notices = awaitQuery("/api/v1/registrations/" + idB, partnerToken(B),
                v -> v.get("notices").size() == 1).get("notices");
        assertThat(notices.get(0).get("kind").asText()).isEqualTo("EARLIER_REGISTRATION_EXISTS");
        assertThat(notices.get(0).get("message").asText()).isEqualTo("An earlier registration by another partner "
                + "exists for this opportunity (registered at " + regA.text("acceptedAt") + ").");
        assertThat(notices.toString()).doesNotContain(A).doesNotContain(idA).doesNotContain("Ромашка");

        // A sees its protection and discount
        JsonNode viewA = awaitQuery("/api/v1/registrations/" + idA, partnerToken(A),
                v -> "APPROVED".equals(v.path("status").asText()));
        assertThat(viewA.get("protectedUntil").asText()).isEqualTo(approveA.text("protectedUntil"));
        assertThat(viewA.get("discountPercent").decimalValue()).isEqualByComparingTo("12.5");
        // no protectionDays given: the GOLD tier's default of 90 days from the approval
        Instant protectedUntilA = Instant.parse(viewA.get("protectedUntil").asText());
        assertThat(viewA.get("protectionDays").asInt()).isEqualTo(90);
        assertThat(protectedUntilA).isEqualTo(Instant.parse(viewA.get("decidedAt").asText()).plus(Duration.ofDays(90)));
        var tooLong = system.commandApi.post("/api/v1/registrations/" + idB + "/approve", MANAGER,
                "{\"discountPercent\": 5, \"protectionDays\": 91}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().at("/errors/0/rule").asText()).isEqualTo("PROTECTION_ABOVE_TIER");

        // staff grant support to A, then try to move it to B without a ruling and are refused
        assertThat(system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}").status()).isEqualTo(200);
        var unjustified = system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"MOVE\", \"registrationId\": \"" + idB + "\"}");
        assertThat(unjustified.status()).isEqualTo(409);
        assertThat(unjustified.text("code")).isEqualTo("SUPPORT_SWITCH_NOT_ALLOWED");
        var stillProtected = system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"MOVE\", \"registrationId\": \"" + idB + "\", \"reasonCode\": \"PROTECTION_EXPIRED\"}");
        assertThat(stillProtected.status()).isEqualTo(409);
        assertThat(stillProtected.text("code")).isEqualTo("SUPPORT_SWITCH_NOT_ALLOWED");

        // A's protection expires; B becomes reviewable and shows in the staff queue
        bringDeadlineForward("protection-expiry", idA);
        awaitQuery("/api/v1/registrations/" + idA, partnerToken(A), v -> "EXPIRED".equals(v.path("status").asText()));
        // its review clock starts over when A's protection ended: two business days from then
        Instant reviewDue = StorySteps.businessDaysAfter(protectedUntilA, 2);
        JsonNode queuedB = StorySteps.reviewQueueEntry(idB, item -> !item.get("earlierActiveExists").asBoolean());
        assertThat(queuedB.get("level").asInt()).isEqualTo(1);
        assertThat(queuedB.get("position").asInt()).isEqualTo(2);
        assertThat(Instant.parse(queuedB.get("slaDueAt").asText())).isEqualTo(reviewDue);
        assertThat(queuedB.get("slaBreached").asBoolean()).isFalse();

        // B is approved, and support moves to B with PROTECTION_EXPIRED
        var approveBAgain = system.commandApi.post("/api/v1/registrations/" + idB + "/approve", MANAGER,
                "{\"discountPercent\": 10}");
        assertThat(approveBAgain.status()).as(approveBAgain.raw()).isEqualTo(200);
        var move = system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"MOVE\", \"registrationId\": \"" + idB + "\", \"reasonCode\": \"PROTECTION_EXPIRED\"}");
        assertThat(move.status()).as(move.raw()).isEqualTo(200);

        JsonNode opportunity = awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> idB.equals(o.path("supportedRegistrationId").asText()));
        assertThat(opportunity.get("supportHistory").findValuesAsText("action")).containsExactly("GRANTED", "MOVED");
        assertThat(opportunity.get("ranking").findValuesAsText("status")).containsExactly("EXPIRED", "APPROVED");
        JsonNode noticesA = awaitQuery("/api/v1/registrations/" + idA, partnerToken(A),
                v -> v.get("notices").findValuesAsText("kind").contains("SUPPORT_MOVED_AWAY")).get("notices");
        // newest first by the time each notice speaks of: the expiry's is protectedUntil, which the test brought
        // forward from 90 days ahead, so it sorts before the move that happened after it
        assertThat(noticesA.findValuesAsText("kind")).containsExactly("PROTECTION_EXPIRED", "SUPPORT_MOVED_AWAY",
                "SUPPORT_GRANTED", "REGISTRATION_APPROVED");
        assertThat(noticesA.get(0).get("message").asText())
                .isEqualTo("The protection of your registration ended at " + protectedUntilA + ".");
        assertThat(noticesA.get(1).get("message").asText()).isEqualTo("Vendor support for your registration was moved "
                + "to another registration (reason: PROTECTION_EXPIRED). You may open a SUPPORT_OVERRIDE dispute.");
        assertThat(noticesA.toString()).doesNotContain(B).doesNotContain(idB);
    }

    @Tag("drill")
    @Test
    void aReviewDeadlineScheduledBeforeARestartFiresAfterIt() throws Exception {
        var reg = submit(A, "{\"legalName\": \"Deadline Test\", \"country\": \"RU\", \"taxId\": \"" + Inns.random() + "\"}");
        assertThat(reg.status()).isEqualTo(201);
        String id = reg.text("registrationId");
        Instant levelOneDue = StorySteps.businessDaysAfter(Instant.parse(reg.text("acceptedAt")), 2);
        assertThat(Instant.parse(StorySteps.reviewQueueEntry(id, item -> !item.path("slaDueAt").isNull())
                .get("slaDueAt").asText()))
                .isEqualTo(levelOneDue);

        await().atMost(Duration.ofSeconds(30)).until(() -> system.recordsOnTopic() >= system.storedEvents());
        long resentBefore = system.recordsOnTopic() - system.storedEvents();
        system.command.kill();
        bringDeadlineForward("review-sla", id);
        system.command.start();

        // level 2 is due two business days after level 1 was due (not after the late run of the deadline)
        JsonNode escalated = StorySteps.reviewQueueEntry(id, item -> item.get("level").asInt() == 2);
        assertThat(Instant.parse(escalated.get("slaDueAt").asText()))
                .isEqualTo(StorySteps.businessDaysAfter(levelOneDue, 2));
        assertThat(escalated.get("slaBreached").asBoolean()).isFalse();
        try (Connection db = system.commandDb(); ResultSet rs = db.createStatement().executeQuery(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%ReviewEscalated' "
                        + "AND convert_from(payload, 'UTF8') LIKE '%" + id + "%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the deadline ran exactly once").isEqualTo(1);
        }
        // the Kafka relay resumed from its stored position: nothing published before the kill was sent again
        await().atMost(Duration.ofSeconds(30)).until(() -> system.recordsOnTopic() >= system.storedEvents());
        assertThat(system.recordsOnTopic() - system.storedEvents()).isEqualTo(resentBefore);
    }

    @Test
    void aPossibleDuplicateRegisteredByTaxIdAndByDomainShowsUpInTheReviewQueue() {
        var byInn = submit(A, "{\"legalName\": \"ООО «Василёк-Трейд»\", \"country\": \"RU\", \"taxId\": \""
                + Inns.random() + "\"}");
        var byDomain = submit(B, "{\"legalName\": \"Vasilek Trade LLC\", \"country\": \"RU\", \"domain\": \"https://www.vasilek-trade.ru/\"}");
        assertThat(byInn.status()).as(byInn.raw()).isEqualTo(201);
        assertThat(byDomain.status()).as(byDomain.raw()).isEqualTo(201);
        assertThat(byInn.text("opportunityId")).isNotEqualTo(byDomain.text("opportunityId"));

        JsonNode entry = StorySteps.reviewQueueEntry(byDomain.text("registrationId"), item -> item
                .get("possibleDuplicates").findValuesAsText("registrationId").contains(byInn.text("registrationId")));
        JsonNode duplicate = find(entry.get("possibleDuplicates"), byInn.text("registrationId"));
        assertThat(duplicate.get("reason").asText()).isEqualTo("SIMILAR_NAME");
        // "vasilek treid" and "vasilek trade" after normalization: their Jaro-Winkler similarity, to three decimals
        assertThat(duplicate.get("score").asDouble()).isEqualTo(0.953);
    }

    static JsonNode find(JsonNode items, String registrationId) {
        for (JsonNode item : items) {
            if (registrationId.equals(item.path("registrationId").asText())) {
                return item;
            }
        }
        return null;
    }
}

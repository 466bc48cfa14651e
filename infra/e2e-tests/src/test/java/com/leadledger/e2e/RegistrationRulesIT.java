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
        JsonNode notices = awaitQuery("/api/v1/notices", partnerToken(B),
                n -> n.get("items").findValuesAsText("kind").contains("EARLIER_REGISTRATION_EXISTS"));
        assertThat(notices.toString()).contains(regA.text("acceptedAt").substring(0, 19))
                .doesNotContain(A).doesNotContain(idA).doesNotContain("Ромашка");

        // A sees its protection and discount
        JsonNode viewA = awaitQuery("/api/v1/registrations/" + idA, partnerToken(A),
                v -> "APPROVED".equals(v.path("status").asText()));
        assertThat(viewA.get("protectedUntil").asText()).isEqualTo(approveA.text("protectedUntil"));
        assertThat(viewA.get("discountPercent").decimalValue()).isEqualByComparingTo("12.5");

        // staff grant support to A, then try to move it to B without a ruling and are refused
        assertThat(system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}").status()).isEqualTo(200);
        var unjustified = system.commandApi.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"MOVE\", \"registrationId\": \"" + idB + "\"}");
        assertThat(unjustified.status()).isEqualTo(409);
        assertThat(unjustified.text("code")).isEqualTo("SUPPORT_SWITCH_NOT_ALLOWED");

        // A's protection expires; B becomes reviewable and shows in the staff queue
        bringDeadlineForward("protection-expiry", idA);
        awaitQuery("/api/v1/registrations/" + idA, partnerToken(A), v -> "EXPIRED".equals(v.path("status").asText()));
        JsonNode queue = awaitQuery("/api/v1/review-queue?size=200", MANAGER,
                q -> q.get("items").findValuesAsText("registrationId").contains(idB));
        JsonNode queuedB = find(queue.get("items"), idB);
        assertThat(queuedB.get("earlierActiveExists").asBoolean()).isFalse();
        assertThat(queuedB.get("level").asInt()).isEqualTo(1);

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
        JsonNode noticesA = awaitQuery("/api/v1/notices", partnerToken(A),
                n -> n.get("items").findValuesAsText("kind").contains("SUPPORT_MOVED_AWAY"));
        assertThat(noticesA.toString()).doesNotContain(B).doesNotContain(idB);
    }

    @Tag("drill")
    @Test
    void aReviewDeadlineScheduledBeforeARestartFiresAfterIt() throws Exception {
        var reg = submit(A, "{\"legalName\": \"Deadline Test\", \"country\": \"RU\", \"taxId\": \"" + Inns.random() + "\"}");
        assertThat(reg.status()).isEqualTo(201);
        String id = reg.text("registrationId");
        awaitQuery("/api/v1/review-queue?size=200", MANAGER, q -> q.get("items").findValuesAsText("registrationId").contains(id));

        await().atMost(Duration.ofSeconds(30)).until(() -> system.recordsOnTopic() >= system.storedEvents());
        long resentBefore = system.recordsOnTopic() - system.storedEvents();
        system.command.kill();
        bringDeadlineForward("review-sla", id);
        system.command.start();

        JsonNode queue = awaitQuery("/api/v1/review-queue?size=200", MANAGER,
                q -> find(q.get("items"), id) != null && find(q.get("items"), id).get("level").asInt() == 2);
        assertThat(find(queue.get("items"), id).get("slaDueAt").asText()).isNotBlank();
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

        JsonNode queue = awaitQuery("/api/v1/review-queue?size=200", MANAGER, q -> {
            JsonNode entry = find(q.get("items"), byDomain.text("registrationId"));
            return entry != null && entry.get("possibleDuplicates").findValuesAsText("registrationId")
                    .contains(byInn.text("registrationId"));
        });
        JsonNode duplicate = find(find(queue.get("items"), byDomain.text("registrationId")).get("possibleDuplicates"),
                byInn.text("registrationId"));
        assertThat(duplicate.get("reason").asText()).isEqualTo("SIMILAR_NAME");
        assertThat(duplicate.get("score").asDouble()).isBetween(0.88, 1.0);
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

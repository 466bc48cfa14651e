package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A registration travels the real stack: HTTP → event store → Kafka → query-service read model → HTTP. */
class WalkingSkeletonIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String A = "P-1001";
    static final String B = "P-1002";
    static final String C = "P-1003";
    static final String MANAGER = staffToken("CHANNEL_MANAGER");
    static final String AUDITOR = staffToken("AUDITOR");

    static String registration(String inn, String name) {
        return """
                {"customer": {"legalName": "%s", "country": "RU", "taxId": "%s", "domain": "romashka.ru"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s",
                 "description": "Firewall refresh for 12 branches"}""".formatted(name, inn, LocalDate.now().plusDays(90));
    }

    static HttpApi.Answer submit(String partner, String inn) {
        return system.commandApi.post("/api/v1/registrations", partnerToken(partner), registration(inn, "ООО «Ромашка»"));
    }

    static JsonNode awaitRegistration(String registrationId, String token) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var answer = system.queryApi.get("/api/v1/registrations/" + registrationId, token);
            found[0] = answer.body();
            return answer.status() == 200;
        });
        return found[0];
    }

    @Test
    void aSubmittedRegistrationBecomesReadableOnTheQueryService() {
        long start = System.nanoTime();
        String inn = Inns.random();
        var answer = submit(A, inn);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        String id = answer.text("registrationId");

        JsonNode view = awaitRegistration(id, partnerToken(A));
        long visibleAfterMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("registration visible on the query service " + visibleAfterMs + " ms after submission");

        assertThat(view.get("registrationId").asText()).isEqualTo(id);
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("partnerId").asText()).isEqualTo(A);
        assertThat(view.get("opportunityId").asText()).isEqualTo(answer.text("opportunityId"));
        assertThat(view.at("/estimatedValue/amount").asText()).isEqualTo("1250000.00");
        assertThat(view.at("/estimatedValue/currency").asText()).isEqualTo("RUB");
        assertThat(view.at("/customer/taxId").asText()).isEqualTo("RU:" + inn);
        assertThat(view.at("/customer/legalName").asText()).isEqualTo("ООО «Ромашка»");
        assertThat(view.at("/customer/domain").asText()).isEqualTo("romashka.ru");
        assertThat(view.get("productLine").asText()).isEqualTo("NETWORK_SECURITY");
        assertThat(view.get("expectedCloseDate").asText()).isEqualTo(LocalDate.now().plusDays(90).toString());
        assertThat(view.get("description").asText()).isEqualTo("Firewall refresh for 12 branches");
        assertThat(view.get("acceptedAt").asText()).isEqualTo(answer.text("acceptedAt"));
        assertThat(view.has("position")).as("a partner never sees its position").isFalse();
        assertThat(view.has("reviewDueAt")).as("nor its review clock").isFalse();
        assertThat(view.get("notices")).isEmpty();
    }

    @Test
    void aPartnerNeverSeesAnotherPartnersRegistration() {
        String inn = Inns.random();
        String idA = submit(A, inn).text("registrationId");
        String idB = submit(B, inn).text("registrationId");
        awaitRegistration(idA, MANAGER);
        awaitRegistration(idB, MANAGER);

        var foreign = system.queryApi.get("/api/v1/registrations/" + idA, partnerToken(B));
        var missing = system.queryApi.get("/api/v1/registrations/" + UUID.randomUUID(), partnerToken(B));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo("NOT_FOUND");
        ((ObjectNode) foreign.body()).remove("instance");
        ((ObjectNode) missing.body()).remove("instance");
        assertThat(foreign.body()).isEqualTo(missing.body());

        var listing = system.queryApi.get("/api/v1/registrations?size=200&partnerId=" + A, partnerToken(B));
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.raw()).doesNotContain(idA).doesNotContain(A);
        assertThat(listing.body().get("items").findValuesAsText("partnerId")).containsOnly(B);

        var staffListing = system.queryApi.get("/api/v1/registrations?size=200&partnerId=" + A, MANAGER);
        assertThat(staffListing.body().get("items").findValuesAsText("registrationId")).contains(idA);

        assertThat(system.queryApi.get("/api/v1/registrations", null).text("code")).isEqualTo("UNAUTHENTICATED");
        var opportunity = system.queryApi.get("/api/v1/opportunities/" + submitOpportunity(idA), partnerToken(A));
        assertThat(opportunity.status()).isEqualTo(403);
        assertThat(opportunity.text("code")).isEqualTo("FORBIDDEN");
        var history = system.queryApi.get("/api/v1/audit/events?aggregateId=" + submitOpportunity(idA), MANAGER);
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.text("code")).isEqualTo("FORBIDDEN");
        assertThat(system.queryApi.get("/api/v1/registrations", null).status()).isEqualTo(401);
    }

    @Test
    void staffSeeWhoRegisteredFirstAndAuditorsTheOrderedHistory() {
        String inn = Inns.random();
        var first = submit(B, inn);
        var second = submit(A, inn);
        String opportunityId = first.text("opportunityId");
        awaitRegistration(second.text("registrationId"), MANAGER);

        var opportunity = system.queryApi.get("/api/v1/opportunities/" + opportunityId, MANAGER);
        assertThat(opportunity.status()).isEqualTo(200);
        assertThat(opportunity.body().get("customerKey").asText()).isEqualTo("RU:" + inn);
        JsonNode ranking = opportunity.body().get("ranking");
        assertThat(ranking.findValuesAsText("position")).containsExactly("1", "2");
        assertThat(ranking.findValuesAsText("partnerId")).containsExactly(B, A);
        assertThat(ranking.findValuesAsText("registrationId"))
                .containsExactly(first.text("registrationId"), second.text("registrationId"));

        var history = system.queryApi.get("/api/v1/audit/events?aggregateId=" + opportunityId, AUDITOR);
        assertThat(history.status()).isEqualTo(200);
        JsonNode items = history.body().get("items");
        assertThat(history.body().get("total").asInt()).isEqualTo(5);
        assertThat(items.findValuesAsText("sequenceNumber")).containsExactly("0", "1", "2", "3", "4");
        assertThat(items.findValuesAsText("eventType")).containsExactly("OpportunityOpened", "RegistrationSubmitted",
                "ReviewSlaStarted", "RegistrationSubmitted", "ReviewSlaStarted");
        assertThat(items.get(1).at("/metadata/actorId").asText()).isEqualTo("user-of-" + B);
        assertThat(items.get(1).at("/metadata/partnerId").asText()).isEqualTo(B);
        assertThat(items.get(1).at("/metadata/actorRole").asText()).isEqualTo("PARTNER");
        // the server's request id of the submission, which its events hold as request, causation and correlation id
        String requestId = first.headers().get("X-Request-Id").get(0);
        assertThat(items.get(1).at("/metadata/correlationId").asText()).isEqualTo(requestId);
        assertThat(items.get(1).at("/metadata/requestId").asText()).isEqualTo(requestId);
        assertThat(items.get(3).at("/metadata/correlationId").asText())
                .isEqualTo(second.headers().get("X-Request-Id").get(0));
    }

    @Test
    void auditorsReVerifyTheQuerySidesCopyOfTheHistoryAndSeeTamperingNamed() throws Exception {
        var first = submit(A, Inns.random());
        String opportunityId = first.text("opportunityId");
        awaitRegistration(first.text("registrationId"), MANAGER);

        // every event of the store verified once the copy holds them all (events may still be in flight: retry)
        AtomicReference<JsonNode> verified = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var all = system.queryApi.get("/api/v1/audit/verify", AUDITOR);
            verified.set(all.body());
            return all.status() == 200 && all.body().get("events").asLong() == system.storedEvents()
                    && all.body().get("streams").asLong() == storedStreams();
        });
        assertThat(verified.get().get("intact").asBoolean()).as(verified.get().toString()).isTrue();
        assertThat(verified.get().get("unverifiable").asLong()).isZero();
        assertThat(verified.get().get("firstBreak").isNull()).isTrue();
        var forbidden = system.queryApi.get("/api/v1/audit/verify", MANAGER);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("FORBIDDEN");
        var badScope = system.queryApi.get("/api/v1/audit/verify?scope=everything", AUDITOR);
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(badScope.text("code")).isEqualTo("VALIDATION_FAILED");

        // tamper with the copy as its database owner would (bypassing the append-only trigger), then put it back
        String eventId;
        try (Connection db = system.queryDb()) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT event_id FROM event_log WHERE aggregate_id = '"
                    + opportunityId + "' AND sequence_number = 1")) {
                rs.next();
                eventId = rs.getString(1);
            }
            db.createStatement().execute("ALTER TABLE event_log DISABLE TRIGGER USER");
            db.createStatement().execute("UPDATE event_log SET stored_payload = convert_to(replace(convert_from("
                    + "stored_payload, 'UTF8'), 'P-1001', 'P-1002'), 'UTF8') WHERE event_id = '" + eventId + "'");
        }
        try {
            var broken = system.queryApi.get("/api/v1/audit/verify?scope=opportunity:" + opportunityId, AUDITOR);
            assertThat(broken.body().get("intact").asBoolean()).isFalse();
            assertThat(broken.body().at("/firstBreak/kind").asText()).isEqualTo("HASH_MISMATCH");
            assertThat(broken.body().at("/firstBreak/eventId").asText()).isEqualTo(eventId);
            assertThat(broken.body().at("/firstBreak/sequenceNumber").asLong()).isEqualTo(1);
        } finally {
            try (Connection db = system.queryDb()) {
                db.createStatement().execute("UPDATE event_log SET stored_payload = convert_to(replace(convert_from("
                        + "stored_payload, 'UTF8'), 'P-1002', 'P-1001'), 'UTF8') WHERE event_id = '" + eventId + "'");
                db.createStatement().execute("ALTER TABLE event_log ENABLE TRIGGER USER");
            }
        }
        assertThat(system.queryApi.get("/api/v1/audit/verify?scope=stream:" + opportunityId, AUDITOR).body()
                .get("intact").asBoolean()).isTrue();
    }

    @Tag("drill")
    @Test
    void everyAcceptedRegistrationIsInTheReadModelExactlyOnceAfterTheQueryServiceIsKilledAndRestarted()
            throws Exception {
        List<String> accepted = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread submitter = new Thread(() -> {
            while (running.get()) {
                var answer = submit(C, Inns.random());
                if (answer.status() == 201) {
                    synchronized (accepted) {
                        accepted.add(answer.text("registrationId"));
                    }
                }
            }
        });
        submitter.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sizeOf(accepted) >= 15);
        system.query.kill();
        int whileDown = sizeOf(accepted);
        await().atMost(Duration.ofSeconds(30)).until(() -> sizeOf(accepted) >= whileDown + 15);
        system.query.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sizeOf(accepted) >= whileDown + 30);
        running.set(false);
        submitter.join();

        Set<String> expected;
        synchronized (accepted) {
            expected = new HashSet<>(accepted);
        }
        assertThat(expected).hasSize(accepted.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                countIn("SELECT count(*) FROM registration_view WHERE partner_id = 'P-1003'") >= expected.size());

        try (Connection db = system.queryDb()) {
            Set<String> projected = new HashSet<>();
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT registration_id FROM registration_view WHERE partner_id = 'P-1003'")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                    projected.add(rs.getString(1));
                }
            }
            assertThat(rows).hasSameSizeAs(projected);
            assertThat(projected).isEqualTo(expected);
            try (ResultSet rs = db.createStatement().executeQuery("""
                    SELECT count(*), count(DISTINCT event_id) FROM event_log
                    WHERE event_type = 'RegistrationSubmitted' AND payload ->> 'partnerId' = 'P-1003'""")) {
                rs.next();
                assertThat(rs.getLong(1)).as("each event stored once").isEqualTo(rs.getLong(2))
                        .isEqualTo(expected.size());
            }
        }
    }

    static String submitOpportunity(String registrationId) {
        return awaitRegistration(registrationId, MANAGER).get("opportunityId").asText();
    }

    /** Aggregates (event streams) in the command side's event store. */
    static long storedStreams() throws Exception {
        try (Connection db = system.commandDb(); ResultSet rs = db.createStatement()
                .executeQuery("SELECT count(DISTINCT aggregateidentifier) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int sizeOf(List<String> list) {
        synchronized (list) {
            return list.size();
        }
    }

    static long countIn(String sql) throws Exception {
        try (Connection db = system.queryDb(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every successful write answers the ids of the events it recorded ({@code eventIds}, in order, and {@code eventId},
 * the first), exactly the ids the event store holds; a refused write answers none and a replay with the same
 * {@code Idempotency-Key} answers the same ids.
 */
class RecordedEventIdsIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);

    record StoredEvent(String eventId, String type) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    @Test
    void registrationDecisionsAnswerTheEventsTheyRecorded() {
        String a = Onboarding.onboardGold(http);
        String b = Onboarding.onboardGold(http);
        String inn = Inns.random();

        var submittedA = submit(a, inn, Map.of());
        String opportunityId = submittedA.text("opportunityId");
        List<StoredEvent> opened = storedEvents(opportunityId);
        assertThat(recordedIds(submittedA)).as("a new opportunity: everything on it is this submission's")
                .isEqualTo(ids(opened));
        assertThat(typeOf(submittedA.text("eventId"), opened)).isEqualTo("OpportunityOpened");
        assertThat(types(opened)).contains("RegistrationSubmitted");

        var submittedB = submit(b, inn, Map.of());
        List<StoredEvent> afterB = storedEvents(opportunityId);
        assertThat(recordedIds(submittedB)).isEqualTo(ids(afterB.subList(opened.size(), afterB.size())));
        assertThat(typeOf(submittedB.text("eventId"), afterB)).isEqualTo("RegistrationSubmitted");

        var approved = http.post("/api/v1/registrations/" + submittedA.text("registrationId") + "/approve", MANAGER,
                "{\"discountPercent\": 10}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.text("protectedUntil")).as("the endpoint's own fields stay").isNotNull();
        List<StoredEvent> afterApproval = storedEvents(opportunityId);
        assertThat(recordedIds(approved)).isEqualTo(ids(afterApproval.subList(afterB.size(), afterApproval.size())));
        assertThat(typeOf(approved.text("eventId"), afterApproval)).isEqualTo("RegistrationApproved");

        var refused = http.post("/api/v1/registrations/" + submittedB.text("registrationId") + "/approve", MANAGER,
                "{\"discountPercent\": 5}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().has("eventId")).as("a refusal records nothing").isFalse();
        assertThat(refused.body().has("eventIds")).isFalse();
        assertThat(storedEvents(opportunityId)).isEqualTo(afterApproval);

        var rejected = http.post("/api/v1/registrations/" + submittedB.text("registrationId") + "/reject", MANAGER,
                "{\"reasonCode\": \"ALREADY_REGISTERED\"}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        List<StoredEvent> afterRejection = storedEvents(opportunityId);
        assertThat(recordedIds(rejected))
                .isEqualTo(ids(afterRejection.subList(afterApproval.size(), afterRejection.size())));
        assertThat(typeOf(rejected.text("eventId"), afterRejection)).as("a rejection is a decision: it is recorded")
                .isEqualTo("RegistrationRejected");
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyAnswersTheSameEventIds() {
        String partner = Onboarding.onboardGold(http);
        String inn = Inns.random();
        Map<String, String> key = Map.of("Idempotency-Key", "event-ids-" + UUID.randomUUID());

        var first = submit(partner, inn, key);
        var replay = submit(partner, inn, key);

        assertThat(replay.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(replay.text("eventId")).isEqualTo(first.text("eventId"));
        assertThat(recordedIds(replay)).isEqualTo(recordedIds(first));
        assertThat(ids(storedEvents(first.text("opportunityId")))).isEqualTo(recordedIds(first));
    }

    @Test
    void disputeWritesAnswerTheEventsTheyRecorded() {
        String partner = Onboarding.onboardGold(http);
        var submitted = submit(partner, Inns.random(), Map.of());

        var opened = http.post("/api/v1/disputes", Onboarding.tokenOf(partner), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "we met the customer first"}"""
                .formatted(submitted.text("registrationId")));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String disputeId = opened.text("disputeId");
        List<StoredEvent> afterOpening = storedEvents(disputeId);
        assertThat(recordedIds(opened)).isEqualTo(ids(afterOpening));
        assertThat(typeOf(opened.text("eventId"), afterOpening)).isEqualTo("DisputeOpened");

        var evidence = http.post("/api/v1/disputes/" + disputeId + "/evidence", Onboarding.tokenOf(partner), """
                {"description": "minutes of our first meeting"}""");
        assertThat(evidence.status()).as(evidence.raw()).isEqualTo(201);
        assertThat(evidence.text("evidenceId")).isNotNull();
        List<StoredEvent> afterEvidence = storedEvents(disputeId);
        assertThat(recordedIds(evidence))
                .isEqualTo(ids(afterEvidence.subList(afterOpening.size(), afterEvidence.size())));
        assertThat(typeOf(evidence.text("eventId"), afterEvidence)).isEqualTo("DisputeEvidenceAdded");
    }

    @Test
    void supportDecisionsAnswerTheEventsTheyRecorded() {
        String partner = Onboarding.onboardGold(http);
        var submitted = submit(partner, Inns.random(), Map.of());
        String opportunityId = submitted.text("opportunityId");
        String registrationId = submitted.text("registrationId");
        assertThat(http.post("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": 10}").status()).isEqualTo(200);
        List<StoredEvent> before = storedEvents(opportunityId);

        var granted = http.post("/api/v1/opportunities/" + opportunityId + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + registrationId + "\"}");

        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        List<StoredEvent> after = storedEvents(opportunityId);
        assertThat(recordedIds(granted)).isEqualTo(ids(after.subList(before.size(), after.size())));
        assertThat(typeOf(granted.text("eventId"), after)).isEqualTo("SupportGranted");
    }

    @Test
    void partnerAdministrationAnswersTheEventsItRecorded() {
        String partnerId = "P-" + UUID.randomUUID().toString().substring(0, 8);
        var onboarded = http.post("/api/v1/partners", Onboarding.ADMIN, """
                {"partnerId": "%s", "name": "Partner %s", "tier": "SILVER", "productLines": ["NETWORK_SECURITY"]}"""
                .formatted(partnerId, partnerId));
        assertThat(onboarded.status()).as(onboarded.raw()).isEqualTo(201);
        List<StoredEvent> afterOnboarding = storedEvents(partnerId);
        assertThat(recordedIds(onboarded)).isEqualTo(ids(afterOnboarding));
        assertThat(typeOf(onboarded.text("eventId"), afterOnboarding)).isEqualTo("PartnerOnboarded");

        var promoted = http.post("/api/v1/partners/" + partnerId + "/tier", Onboarding.ADMIN, "{\"tier\": \"GOLD\"}");
        assertThat(promoted.status()).as(promoted.raw()).isEqualTo(200);
        List<StoredEvent> afterPromotion = storedEvents(partnerId);
        assertThat(recordedIds(promoted))
                .isEqualTo(ids(afterPromotion.subList(afterOnboarding.size(), afterPromotion.size())));
        assertThat(typeOf(promoted.text("eventId"), afterPromotion)).isEqualTo("PartnerTierChanged");
    }

    @Test
    void theOpenApiDocumentDescribesTheRecordedEventIdsOfEveryWrite() {
        JsonNode apiDocs = http.get("/v3/api-docs", Onboarding.ADMIN).body();
        for (String path : List.of("/api/v1/registrations", "/api/v1/registrations/{registrationId}/approve",
                "/api/v1/disputes", "/api/v1/partners/{partnerId}/tier")) {
            JsonNode success = apiDocs.path("paths").path(path).path("post").path("responses");
            JsonNode answer = success.elements().next().path("content").elements().next().path("schema");
            String ref = answer.path("$ref").asText();
            JsonNode schema = ref.isEmpty() ? answer
                    : apiDocs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            assertThat(schema.path("properties").has("eventId")).as(path + ": " + schema).isTrue();
            assertThat(schema.path("properties").path("eventIds").path("type").asText()).isEqualTo("array");
        }
    }

    HttpApi.Answer submit(String partnerId, String inn, Map<String, String> headers) {
        var answer = http.post("/api/v1/registrations", Onboarding.tokenOf(partnerId), """
                {"customer": {"legalName": "Event Ids %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(60)), headers);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer;
    }

    /** The answer's {@code eventIds}, checked to be present and to start with its {@code eventId}. */
    static List<String> recordedIds(HttpApi.Answer answer) {
        JsonNode ids = answer.body().get("eventIds");
        assertThat(ids).as(answer.raw()).isNotNull();
        List<String> recorded = new ArrayList<>();
        ids.forEach(id -> recorded.add(id.asText()));
        assertThat(recorded).as(answer.raw()).isNotEmpty();
        assertThat(answer.text("eventId")).as("the first recorded event").isEqualTo(recorded.get(0));
        return recorded;
    }

    List<StoredEvent> storedEvents(String aggregateId) {
        return jdbc.sql("""
                        SELECT eventidentifier, regexp_replace(payloadtype, '^.*\\.', '') AS type
                        FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", aggregateId)
                .query((row, n) -> new StoredEvent(row.getString("eventidentifier"), row.getString("type"))).list();
    }

    static List<String> ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::eventId).toList();
    }

    static List<String> types(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::type).toList();
    }

    static String typeOf(String eventId, List<StoredEvent> events) {
        return events.stream().filter(e -> e.eventId().equals(eventId)).map(StoredEvent::type).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not stored: " + events));
    }
}

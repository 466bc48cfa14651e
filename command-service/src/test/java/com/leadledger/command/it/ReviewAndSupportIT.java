package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner registry, policy versions, review and vendor-support rules over real HTTP, PostgreSQL and Kafka. */
// Own context: it publishes a new policy version, which the shared context's tests must not see.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewAndSupportIT {

    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "review_it");
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

    String onboard(String tier, String... lines) {
        return Onboarding.onboard(http, tier, List.of(lines));
    }

    static String token(String partnerId) {
        return Onboarding.tokenOf(partnerId);
    }

    JsonNode submit(String partnerId, String inn, String name) {
        var answer = http.post("/api/v1/registrations", token(partnerId), """
                {"customer": {"legalName": "%s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(name, inn, LocalDate.now().plusDays(60)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    List<String> eventTypes(String opportunityId) {
        return jdbc.sql("""
                        SELECT regexp_replace(payloadtype, '^.*\\.', '') FROM domainevententry
                        WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", opportunityId).query(String.class).list();
    }

    @Test
    void refusesUnknownSuspendedAndUnauthorizedPartners() {
        String unknown = "P-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = http.post("/api/v1/registrations", token(unknown), """
                {"customer": {"legalName": "X", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(60)));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("code").asText()).isEqualTo("PARTNER_UNKNOWN");

        String collaborationOnly = onboard("SILVER", "COLLABORATION");
        var unauthorized = http.post("/api/v1/registrations", token(collaborationOnly), """
                {"customer": {"legalName": "X", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(60)));
        assertThat(unauthorized.status()).isEqualTo(403);
        assertThat(unauthorized.body().get("code").asText()).isEqualTo("PRODUCT_LINE_NOT_AUTHORIZED");

        String suspended = onboard("GOLD", "NETWORK_SECURITY");
        assertThat(http.post("/api/v1/partners/" + suspended + "/suspend", ADMIN, "{\"reason\": \"audit\"}").status())
                .isEqualTo(200);
        var refused = http.post("/api/v1/registrations", token(suspended), """
                {"customer": {"legalName": "X", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(60)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("PARTNER_SUSPENDED");

        assertThat(http.post("/api/v1/partners/" + suspended + "/reinstate", ADMIN, "{}").status()).isEqualTo(200);
        submit(suspended, Inns.random(), "Back in business");
    }

    @Test
    void onlyAdminsManagePartnersAndPolicies() {
        assertThat(http.post("/api/v1/partners", MANAGER, "{}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/policies", token("P-1"), "{}").status()).isEqualTo(403);
        var invalid = http.post("/api/v1/partners", ADMIN,
                "{\"partnerId\": \"bad id!\", \"name\": \"\", \"tier\": \"DIAMOND\", \"productLines\": []}");
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void publishesValidatedPolicyVersionsAndRecordsTheVersionInDecisions() {
        var invalid = http.post("/api/v1/policies", ADMIN, """
                {"productLines": {"network": {"minimumValue": {"XXX": "-1"}}}, "tiers": {},
                 "reviewSlaBusinessDays": 0, "disputeSlaBusinessDays": [2], "appealWindowDays": 10,
                 "maxCloseDateMonths": 12, "calendar": {"timeZone": "Mars/Olympus", "holidays": []}}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").findValuesAsText("field")).contains("productLines.network",
                "productLines.network.minimumValue.XXX", "tiers.GOLD", "reviewSlaBusinessDays",
                "disputeSlaBusinessDays", "extension", "calendar.timeZone");

        JsonNode current = http.get("/api/v1/policies/current", ADMIN).body();
        long before = current.get("version").asLong();
        var published = http.post("/api/v1/policies", ADMIN, current.get("policy").toString()
                .replace("\"reviewSlaBusinessDays\":2", "\"reviewSlaBusinessDays\":3"));
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        long version = published.body().get("version").asLong();
        assertThat(version).isEqualTo(before + 1);
        assertThat(http.get("/api/v1/policies/current", MANAGER).body().get("policy")
                .get("reviewSlaBusinessDays").asInt()).isEqualTo(3);

        String partner = onboard("GOLD", "NETWORK_SECURITY");
        JsonNode registration = submit(partner, Inns.random(), "Versioned");
        var approved = http.post("/api/v1/registrations/" + registration.get("registrationId").asText() + "/approve",
                MANAGER, "{\"discountPercent\": 5}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().get("policyVersion").asLong()).isEqualTo(version);
    }

    @Test
    void refusesAPolicyWithoutItsNumbersNamingEachOfThem() {
        ObjectNode policy = (ObjectNode) http.get("/api/v1/policies/current", ADMIN).body().get("policy").deepCopy();
        policy.remove(List.of("appealWindowDays", "maxCloseDateMonths"));
        ((ObjectNode) policy.get("extension")).putNull("maxDays");

        var refused = http.post("/api/v1/policies", ADMIN, policy.toString());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("appealWindowDays", "maxCloseDateMonths", "extension.maxDays");
    }

    @Test
    void enforcesFirstToRegisterTierLimitsAndSupportSwitchRules() {
        String a = onboard("GOLD", "NETWORK_SECURITY");
        String b = onboard("SILVER", "NETWORK_SECURITY");
        String inn = Inns.random();
        JsonNode regA = submit(a, inn, "ООО «Ромашка»");
        JsonNode regB = submit(b, inn, "Romashka LLC");
        String idA = regA.get("registrationId").asText();
        String idB = regB.get("registrationId").asText();
        String opp = regA.get("opportunityId").asText();
        assertThat(regB.get("opportunityId").asText()).isEqualTo(opp);

        var tooGenerous = http.post("/api/v1/registrations/" + idA + "/approve", MANAGER, "{\"discountPercent\": 16}");
        assertThat(tooGenerous.status()).isEqualTo(400);
        assertThat(tooGenerous.body().get("errors").get(0).get("rule").asText()).isEqualTo("DISCOUNT_ABOVE_TIER_MAXIMUM");
        var partnerApproves = http.post("/api/v1/registrations/" + idA + "/approve", token(a), "{\"discountPercent\": 1}");
        assertThat(partnerApproves.status()).isEqualTo(403);

        long eventsBefore = eventTypes(opp).size();
        var bFirst = http.post("/api/v1/registrations/" + idB + "/approve", MANAGER, "{\"discountPercent\": 5}");
        assertThat(bFirst.status()).isEqualTo(409);
        assertThat(bFirst.body().get("code").asText()).isEqualTo("EARLIER_REGISTRATION_EXISTS");
        assertThat(eventTypes(opp)).hasSize((int) eventsBefore);

        var longerThanGold = http.post("/api/v1/registrations/" + idA + "/approve", MANAGER,
                "{\"discountPercent\": 15, \"protectionDays\": 91}");
        assertThat(longerThanGold.status()).as(longerThanGold.raw()).isEqualTo(400);
        assertThat(longerThanGold.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(longerThanGold.body().at("/errors/0/field").asText()).isEqualTo("protectionDays");
        assertThat(longerThanGold.body().at("/errors/0/rule").asText()).isEqualTo("PROTECTION_ABOVE_TIER");
        assertThat(eventTypes(opp)).hasSize((int) eventsBefore);

        // GOLD in the default policy: 90 protection days by default, 15 % discount at most
        var approveA = http.post("/api/v1/registrations/" + idA + "/approve", MANAGER, "{\"discountPercent\": 15}");
        assertThat(approveA.status()).as(approveA.raw()).isEqualTo(200);
        JsonNode approvedA = storedPayload(opp, "RegistrationApproved");
        assertThat(approvedA.get("protectionDays").asInt()).isEqualTo(90);
        assertThat(Instant.parse(approveA.body().get("protectedUntil").asText()))
                .isEqualTo(Instant.parse(approvedA.get("approvedAt").asText()).plus(Duration.ofDays(90)));
        assertThat(eventTypes(opp)).contains("RegistrationApproved", "EarlierRegistrationNoticeIssued");

        var grant = http.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}");
        assertThat(grant.status()).as(grant.raw()).isEqualTo(200);

        long beforeMove = eventTypes(opp).size();
        var move = http.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"MOVE\", \"registrationId\": \"" + idB + "\", \"reasonCode\": \"PROTECTION_EXPIRED\"}");
        assertThat(move.status()).isEqualTo(409);
        assertThat(eventTypes(opp)).hasSize((int) beforeMove);

        var reject = http.post("/api/v1/registrations/" + idB + "/reject", MANAGER,
                "{\"reasonCode\": \"ALREADY_REGISTERED\"}");
        assertThat(reject.status()).as(reject.raw()).isEqualTo(200);
        String rejected = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE '%RegistrationRejected'""")
                .param("id", opp).query(String.class).single();
        assertThat(rejected).contains("\"earlierRegisteredAt\":\"" + regA.get("acceptedAt").asText().replace("Z", ""))
                .doesNotContain(a);
    }

    /**
     * The review SLA is due the policy's number of business days after acceptance, in its calendar; approval protects
     * for the tier's days (PLATINUM: 120 in the default policy, never more). Both are persistent deadlines at exactly
     * those instants.
     */
    @Test
    void schedulesTheReviewSlaAndTheProtectionExpiryAsPersistentDeadlines() {
        JsonNode policy = http.get("/api/v1/policies/current", MANAGER).body().get("policy");
        String partner = onboard("PLATINUM", "NETWORK_SECURITY");
        JsonNode registration = submit(partner, Inns.random(), "Deadlines");
        String id = registration.get("registrationId").asText();
        String opp = registration.get("opportunityId").asText();
        Instant acceptedAt = Instant.parse(registration.get("acceptedAt").asText());
        Instant reviewDue = BusinessDayInstants.after(acceptedAt, policy.get("reviewSlaBusinessDays").asInt(), policy);
        assertThat(Instant.parse(storedPayload(opp, "ReviewSlaStarted").get("reviewDueAt").asText()))
                .isEqualTo(reviewDue);
        assertThat(deadlineInstants(opp)).containsExactly(reviewDue);

        var longerThanPlatinum = http.post("/api/v1/registrations/" + id + "/approve", MANAGER,
                "{\"discountPercent\": 20, \"protectionDays\": 121}");
        assertThat(longerThanPlatinum.status()).as(longerThanPlatinum.raw()).isEqualTo(400);
        assertThat(longerThanPlatinum.body().at("/errors/0/rule").asText()).isEqualTo("PROTECTION_ABOVE_TIER");
        var approved = http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 20}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        Instant approvedAt = Instant.parse(storedPayload(opp, "RegistrationApproved").get("approvedAt").asText());
        Instant protectedUntil = approvedAt.plus(Duration.ofDays(120));
        assertThat(Instant.parse(approved.body().get("protectedUntil").asText())).isEqualTo(protectedUntil);
        assertThat(deadlineInstants(opp)).containsExactlyInAnyOrder(reviewDue, protectedUntil);
    }

    /** The payload of the (only) event of that type on the opportunity. */
    JsonNode storedPayload(String opportunityId, String type) {
        String json = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE :type""")
                .param("id", opportunityId).param("type", "%." + type).query(String.class).single();
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** When the opportunity's persistent deadlines are due. */
    List<Instant> deadlineInstants(String opportunityId) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' "
                        + "AND convert_from(task_data, 'UTF8') LIKE :opp")
                .param("opp", "%" + opportunityId + "%")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }
}

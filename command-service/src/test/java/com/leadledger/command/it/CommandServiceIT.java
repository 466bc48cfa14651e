package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.kit.security.TokenProperties;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side on real PostgreSQL and real Kafka, through real HTTP. */
class CommandServiceIT extends CommandServiceITBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper storedJson;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    EventStorageEngine eventStorage;

    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    private static final java.util.Set<String> ONBOARDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A token of an onboarded GOLD partner authorized for every product line (onboarded on first use). */
    String partner(String partnerId) {
        if (ONBOARDED.add(partnerId)) {
            var answer = http.post("/api/v1/partners", ADMIN, """
                    {"partnerId": "%s", "name": "Partner %s", "tier": "GOLD",
                     "productLines": ["NETWORK_SECURITY", "DATA_CENTER", "COLLABORATION", "CLOUD_SERVICES"]}"""
                    .formatted(partnerId, partnerId));
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        }
        return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }

    static String registration(String inn, String legalName) {
        return registration(inn, legalName, "NETWORK_SECURITY", "1250000.00", "RUB", LocalDate.now().plusDays(90));
    }

    static String registration(String inn, String legalName, String line, String amount, String currency,
                               LocalDate close) {
        return """
                {"customer": {"legalName": "%s", "country": "RU", "taxId": "%s", "domain": "romashka.ru"},
                 "productLine": "%s",
                 "estimatedValue": {"amount": "%s", "currency": "%s"},
                 "expectedCloseDate": "%s",
                 "description": "Firewall refresh for 12 branches"}""".formatted(legalName, inn, line, amount,
                currency, close);
    }

    long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    JsonNode storedPayload(String registrationId) throws Exception {
        return storedSubmission("payload", registrationId);
    }

    JsonNode storedMetadata(String registrationId) throws Exception {
        return storedSubmission("metadata", registrationId);
    }

    /** A column ({@code payload} or {@code metadata}) of the RegistrationSubmitted event of a registration, as JSON. */
    private JsonNode storedSubmission(String column, String registrationId) throws Exception {
        String json = jdbc.sql("""
                        SELECT convert_from(%s, 'UTF8') FROM domainevententry
                        WHERE payloadtype LIKE '%%RegistrationSubmitted'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = :id""".formatted(column))
                .param("id", registrationId).query(String.class).single();
        return JSON.readTree(json);
    }

    /** Security point 1: the loopback rule guards the secret the local profile uses, the one the launcher signs with. */
    @Test
    void theLocalProfilesDevSecretIsTheDocumentedOne(@Autowired Environment environment) {
        assertThat(environment.getProperty("leadledger.security.dev-jwt-secret"))
                .isEqualTo(TokenProperties.DOCUMENTED_DEV_SECRET).isEqualTo(DevTokens.DEFAULT_SECRET);
    }

    /** Security point 12: a number where the contract says string is refused, naming the field; nothing is stored. */
    @Test
    void strictInputTypesRefuseANumberWhereTheContractSaysString() {
        long events = storedEvents();
        String inn = Inns.random();
        var numericTaxId = http.post("/api/v1/registrations", partner("P-1001"),
                registration(inn, "Numeric").replace("\"taxId\": \"" + inn + "\"", "\"taxId\": " + inn));
        assertThat(numericTaxId.status()).as(numericTaxId.raw()).isEqualTo(400);
        assertThat(numericTaxId.contentType()).startsWith("application/problem+json");
        assertThat(numericTaxId.body().at("/errors/0/field").asText()).isEqualTo("customer.taxId");
        assertThat(numericTaxId.body().at("/errors/0/message").asText()).isEqualTo("must be a JSON string");

        var numericAmount = http.post("/api/v1/registrations", partner("P-1001"),
                registration(Inns.random(), "Amount").replace("\"amount\": \"1250000.00\"", "\"amount\": 1250000"));
        assertThat(numericAmount.status()).as(numericAmount.raw()).isEqualTo(400);
        assertThat(numericAmount.body().at("/errors/0/field").asText()).isEqualTo("estimatedValue.amount");

        var booleanName = http.post("/api/v1/registrations", partner("P-1001"),
                registration(Inns.random(), "X").replace("\"legalName\": \"X\"", "\"legalName\": true"));
        assertThat(booleanName.status()).as(booleanName.raw()).isEqualTo(400);
        assertThat(booleanName.body().at("/errors/0/field").asText()).isEqualTo("customer.legalName");

        assertThat(storedEvents()).isEqualTo(events);
    }

    /** Security point 11: who published a policy is the vendor's business; partners read the rules, not the name. */
    @Test
    void partnersReadThePolicyWithoutWhoPublishedIt() {
        var asPartner = http.get("/api/v1/policies/current", partner("P-1001"));
        assertThat(asPartner.status()).isEqualTo(200);
        assertThat(asPartner.body().has("publishedBy")).isFalse();
        assertThat(asPartner.body().get("policy").has("tiers")).isTrue();
        var asAdmin = http.get("/api/v1/policies/1", DevTokens.mint("admin-1", List.of("ADMIN"), null));
        assertThat(asAdmin.body().get("publishedBy").asText()).isEqualTo("system");
    }

    /** Security point 10: a client cannot plant causation or correlation links in the audit trail. */
    @Test
    void clientSuppliedIdsNeverBecomeRequestCausationOrCorrelationIds() throws Exception {
        String planted = "staff-decision-correlation-1";
        var answer = http.post("/api/v1/registrations", partner("P-1001"), registration(Inns.random(), "Plant"),
                Map.of("X-Request-Id", planted, "X-Correlation-Id", planted));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);

        JsonNode metadata = storedMetadata(answer.body().get("registrationId").asText());
        String serverRequestId = answer.headers().get("x-request-id").get(0);
        assertThat(serverRequestId).isNotEqualTo(planted);
        assertThat(metadata.get("requestId").asText()).isEqualTo(serverRequestId);
        assertThat(metadata.get("causationId").asText()).isEqualTo(serverRequestId);
        assertThat(metadata.get("correlationId").asText()).isEqualTo(serverRequestId);
        assertThat(metadata.get("clientRequestId").asText()).isEqualTo(planted);

        var tooLong = http.post("/api/v1/registrations", partner("P-1001"), registration(Inns.random(), "Long"),
                Map.of("X-Request-Id", "x".repeat(65)));
        assertThat(tooLong.status()).isEqualTo(201);
        assertThat(storedMetadata(tooLong.body().get("registrationId").asText()).has("clientRequestId"))
                .as("an id longer than 64 characters is not kept").isFalse();
    }

    @Test
    void acceptsARegistrationStoresItWithAuditMetadataAndPublishesItToKafka() throws Exception {
        String inn = Inns.random();
        var answer = http.post("/api/v1/registrations", partner("P-1001"), registration(inn, "ООО «Ромашка»"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.body();
        String registrationId = body.get("registrationId").asText();
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.get("opportunityId").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("acceptedAt").asText()).endsWith("Z");
        assertThat(body.has("position")).as("the position would reveal competitors").isFalse();

        JsonNode stored = storedPayload(registrationId);
        assertThat(stored.get("partnerId").asText()).isEqualTo("P-1001");
        assertThat(stored.get("customerKey").asText()).isEqualTo("RU:" + inn);
        assertThat(stored.get("position").asInt()).isEqualTo(1);
        assertThat(stored.get("policyVersion").asLong()).isEqualTo(1);

        EventEnvelope envelope = RealInfrastructure.awaitEnvelope(TOPIC, e -> e.payload().path("registrationId").asText().equals(registrationId));
        assertThat(envelope.eventType()).isEqualTo("RegistrationSubmitted");
        assertThat(envelope.aggregateType()).isEqualTo("Opportunity");
        assertThat(envelope.aggregateId()).isEqualTo(body.get("opportunityId").asText());
        assertThat(envelope.sequenceNumber()).isEqualTo(1); // 0 is OpportunityOpened
        assertThat(envelope.globalIndex()).isEqualTo(jdbc.sql(
                        "SELECT globalindex FROM domainevententry WHERE eventidentifier = :id")
                .param("id", envelope.eventId()).query(Long.class).single());
        assertThat(envelope.metadata())
                .containsEntry("actorId", "user-of-P-1001")
                .containsEntry("actorRole", "PARTNER")
                .containsEntry("partnerId", "P-1001")
                .containsKeys("requestId", "correlationId", "causationId");

        // the envelope carries the stored form and chain links: a consumer can re-verify the event's hash
        EventEnvelope.Integrity integrity = envelope.integrity();
        assertThat(integrity).isNotNull();
        assertThat(integrity.eventHash()).isEqualTo(jdbc.sql(
                        "SELECT encode(event_hash, 'hex') FROM domainevententry WHERE eventidentifier = :id")
                .param("id", envelope.eventId()).query(String.class).single());
        var asStored = new com.leadledger.integrity.chain.StoredEvent(envelope.eventId(), envelope.aggregateId(),
                envelope.sequenceNumber(), envelope.aggregateType(), integrity.payloadType(),
                integrity.payloadRevision(), integrity.storedTimestamp(),
                integrity.storedPayload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                integrity.storedMetadata().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.HexFormat.of().parseHex(integrity.previousHash()), null);
        assertThat(com.leadledger.integrity.Hashes.hex(com.leadledger.integrity.chain.EventChain.hash(
                asStored.previousHash(), asStored))).isEqualTo(integrity.eventHash());
    }

    @Test
    void storesEventsWithTheStoredJsonMapperNotAxonsOwnDefault() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) eventSerializer).getObjectMapper()).isSameAs(storedJson);
    }

    @Test
    void runsEveryCommandInASpringTransactionOnTheJdbcEventStore() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(eventStorage).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void refusesAnInvalidTaxIdWithAFieldErrorAndRecordsNothing() {
        long before = storedEvents();
        var answer = http.post("/api/v1/registrations", partner("P-1001"), registration("7707083894", "Romashka"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly("customer.taxId");
        assertThat(answer.body().get("errors").get(0).get("rule").asText()).isEqualTo("TAX_ID_CHECKSUM");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void reportsEveryBrokenRuleOfARegistrationAtOnce() {
        long before = storedEvents();
        var body = """
                {"customer": {"legalName": "", "country": "XX"},
                 "productLine": "TOASTERS",
                 "estimatedValue": {"amount": "-5", "currency": "RUB"},
                 "expectedCloseDate": "2001-01-01"}""";
        var answer = http.post("/api/v1/registrations", partner("P-1001"), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsText("field"))
                .contains("customer.legalName", "estimatedValue.amount");
        assertThat(storedEvents()).isEqualTo(before);

        var semantic = http.post("/api/v1/registrations", partner("P-1001"), """
                {"customer": {"legalName": "Romashka", "country": "XX"},
                 "productLine": "TOASTERS",
                 "estimatedValue": {"amount": "5.00", "currency": "RUB"},
                 "expectedCloseDate": "2001-01-01"}""");
        assertThat(semantic.status()).isEqualTo(400);
        assertThat(semantic.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "customer.country", "customer.taxId", "productLine", "expectedCloseDate");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesValuesBelowTheProductLineMinimumAndForeignCurrencies() {
        String inn = Inns.random();
        var tooSmall = http.post("/api/v1/registrations", partner("P-1001"),
                registration(inn, "Romashka", "DATA_CENTER", "999999.99", "RUB", LocalDate.now().plusDays(30)));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.body().get("errors").get(0).get("rule").asText()).isEqualTo("BELOW_MINIMUM_VALUE");

        var yen = http.post("/api/v1/registrations", partner("P-1001"),
                registration(inn, "Romashka", "DATA_CENTER", "99999999", "JPY", LocalDate.now().plusDays(30)));
        assertThat(yen.status()).isEqualTo(400);
        assertThat(yen.body().get("errors").get(0).get("field").asText()).isEqualTo("estimatedValue.currency");

        var tooFar = http.post("/api/v1/registrations", partner("P-1001"),
                registration(inn, "Romashka", "DATA_CENTER", "2000000", "RUB", LocalDate.now().plusMonths(13)));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body().get("errors").get(0).get("rule").asText()).isEqualTo("CLOSE_DATE_TOO_FAR");
    }

    @Test
    void answersMalformedJsonWithAProblem() {
        var answer = http.post("/api/v1/registrations", partner("P-1001"), "{\"customer\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        var wrongType = http.post("/api/v1/registrations", partner("P-1001"),
                registration(Inns.random(), "Romashka").replace("\"expectedCloseDate\": \"", "\"expectedCloseDate\": \"x"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("expectedCloseDate");
    }

    @Test
    void pointsAPartnerAtItsOwnActiveRegistrationAndRevealsNothingAboutOthers() {
        String inn = Inns.random();
        var first = http.post("/api/v1/registrations", partner("P-1001"), registration(inn, "Romashka"));
        var competitor = http.post("/api/v1/registrations", partner("P-1002"), registration(inn, "Ромашка ООО"));
        var again = http.post("/api/v1/registrations", partner("P-1001"), registration(inn, "Romashka LLC"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(competitor.status()).isEqualTo(201);
        assertThat(competitor.body().fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(() -> first.body().fieldNames());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("ACTIVE_REGISTRATION_EXISTS");
        assertThat(again.body().get("registrationId").asText()).isEqualTo(first.body().get("registrationId").asText());
        assertThat(again.raw()).doesNotContain("P-1002").doesNotContain(competitor.body().get("registrationId").asText());
    }

    @Test
    void letsOnlyTheOwnerWithdrawAndOnlyOnce() {
        var submitted = http.post("/api/v1/registrations", partner("P-1001"), registration(Inns.random(), "Romashka"));
        String id = submitted.body().get("registrationId").asText();

        var foreign = http.post("/api/v1/registrations/" + id + "/withdraw", partner("P-1002"), "{}");
        var missing = http.post("/api/v1/registrations/" + UUID.randomUUID() + "/withdraw", partner("P-1002"), "{}");
        assertThat(foreign.status()).isEqualTo(404);
        ((com.fasterxml.jackson.databind.node.ObjectNode) foreign.body()).remove("instance");
        ((com.fasterxml.jackson.databind.node.ObjectNode) missing.body()).remove("instance");
        assertThat(foreign.body()).as("not yours must look exactly like not found").isEqualTo(missing.body());

        var own = http.post("/api/v1/registrations/" + id + "/withdraw", partner("P-1001"),
                "{\"reason\": \"customer postponed\"}");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("status").asText()).isEqualTo("WITHDRAWN");

        var twice = http.post("/api/v1/registrations/" + id + "/withdraw", partner("P-1001"), null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("code").asText()).isEqualTo("REGISTRATION_NOT_ACTIVE");
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheOriginalResponseAndRecordsNothingNew() {
        String body = registration(Inns.random(), "Idempotent Ltd");
        var key = java.util.Map.of("Idempotency-Key", "order-" + UUID.randomUUID());
        var first = http.post("/api/v1/registrations", partner("P-1001"), body, key);
        long events = storedEvents();
        var again = http.post("/api/v1/registrations", partner("P-1001"), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers()).containsKey("idempotent-replayed");
        assertThat(storedEvents()).isEqualTo(events);

        var different = http.post("/api/v1/registrations", partner("P-1001"),
                registration(Inns.random(), "Other Ltd"), key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.body().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(storedEvents()).isEqualTo(events);

        var otherCaller = http.post("/api/v1/registrations", partner("P-1002"), body, key);
        assertThat(otherCaller.status()).as("keys are scoped to the caller").isEqualTo(201);
        assertThat(otherCaller.body().get("registrationId").asText())
                .isNotEqualTo(first.body().get("registrationId").asText());

        var invalid = http.post("/api/v1/registrations", partner("P-1001"), body,
                java.util.Map.of("Idempotency-Key", "not a valid key!"));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void letsAFailedRequestBeRetriedWithTheSameIdempotencyKey() {
        var key = java.util.Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        var refused = http.post("/api/v1/registrations", partner("P-1001"),
                registration("7707083894", "Broken INN"), key);
        assertThat(refused.status()).isEqualTo(400);
        var fixed = http.post("/api/v1/registrations", partner("P-1001"),
                registration(Inns.random(), "Fixed INN"), key);
        assertThat(fixed.status()).isEqualTo(201);
    }

    @Test
    void requiresATokenAndThePartnerRole() {
        String body = registration(Inns.random(), "Romashka");
        var anonymous = http.post("/api/v1/registrations", null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        var forged = http.post("/api/v1/registrations",
                DevTokens.mint("not-the-dev-secret-but-long-enough-to-sign!!", "x", List.of("PARTNER"), "P-1",
                        Duration.ofHours(1)), body);
        assertThat(forged.status()).isEqualTo(401);

        var auditor = http.post("/api/v1/registrations", DevTokens.mint("aud", List.of("AUDITOR"), null), body);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.body().get("code").asText()).isEqualTo("FORBIDDEN");

        var partnerWithoutId = http.post("/api/v1/registrations", DevTokens.mint("p", List.of("PARTNER"), null), body);
        assertThat(partnerWithoutId.status()).isEqualTo(403);
    }

    @Test
    void ignoresAPartnerIdSmuggledIntoTheBody() throws Exception {
        String body = registration(Inns.random(), "Romashka").replace("\"productLine\"",
                "\"partnerId\": \"P-9999\", \"acceptedAt\": \"2001-01-01T00:00:00Z\", \"productLine\"");
        var answer = http.post("/api/v1/registrations", partner("P-1001"), body);
        assertThat(answer.status()).isEqualTo(201);
        JsonNode stored = storedPayload(answer.body().get("registrationId").asText());
        assertThat(stored.get("partnerId").asText()).isEqualTo("P-1001");
        assertThat(Instant.parse(stored.get("acceptedAt").asText())).as("the server's time of acceptance, not the body's")
                .isEqualTo(Instant.parse(answer.body().get("acceptedAt").asText()));
    }

    @Test
    void ranksFiftyConcurrentPartnersOnOneOpportunityGaplessly() throws Exception {
        String inn = Inns.random();
        int partners = 50;
        ExecutorService pool = Executors.newFixedThreadPool(partners);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpApi.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < partners; i++) {
            String partnerId = "P-C" + i;
            String token = partner(partnerId);
            Callable<HttpApi.Answer> submit = () -> {
                start.await();
                return http.post("/api/v1/registrations", token, registration(inn, "Romashka " + partnerId));
            };
            answers.add(pool.submit(submit));
        }
        start.countDown();
        List<HttpApi.Answer> answered = new ArrayList<>();
        try {
            for (Future<HttpApi.Answer> answer : answers) {
                answered.add(answer.get());
            }
        } finally {
            // every request has ended before any assertion, so none can land in a later test's counts
            pool.shutdownNow();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        String opportunityId = null;
        for (HttpApi.Answer a : answered) {
            assertThat(a.status()).as(a.raw()).isEqualTo(201);
            opportunityId = a.body().get("opportunityId").asText();
        }

        List<Integer> positions = jdbc.sql("""
                        SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'position')::int FROM domainevententry
                        WHERE aggregateidentifier = :opp AND payloadtype LIKE '%RegistrationSubmitted'
                        ORDER BY sequencenumber""")
                .param("opp", opportunityId).query(Integer.class).list();
        assertThat(positions).hasSize(partners);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= partners; i++) {
            expected.add(i);
        }
        assertThat(positions).containsExactlyElementsOf(expected);
    }

    @Test
    void publishesTheDefaultPolicyOnceAndServesIt() {
        var current = http.get("/api/v1/policies/current", partner("P-1001"));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().get("version").asLong()).isEqualTo(1);
        assertThat(current.body().at("/policy/productLines/NETWORK_SECURITY/minimumValue/RUB").asText())
                .isEqualTo("300000");
        assertThat(http.get("/api/v1/policies/1", partner("P-1001")).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/policies/2", partner("P-1001")).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PolicyPublished'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reportsDatabaseAndKafkaInHealthAndReadiness() {
        String metrics = DevTokens.mint("prometheus", List.of("METRICS"), null);
        var health = http.get("/actuator/health", metrics);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/kafka/status").asText()).isEqualTo("UP");
        var readiness = http.get("/actuator/health/readiness", metrics);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness", null).raw()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}

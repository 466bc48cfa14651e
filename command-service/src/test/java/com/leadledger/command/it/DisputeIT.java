package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disputes over real HTTP, PostgreSQL and Kafka: opening, evidence, respondent, rulings by the right level only, effects
 * carried out on the Opportunity and Partner aggregates (linked to the ruling by correlation and causation ids), the
 * appeal window, reversal on appeal, and the automatic escalation by the persistent SLA deadline.
 */
// Own context: it moves the service's clock days forward, which would bring other tests' deadlines due.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisputeIT {

    static final String TOPIC = "leadledger.events.dispute-it-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final String DIRECTOR = DevTokens.mint("director-1", List.of("CHANNEL_DIRECTOR"), null);
    static final String COMMITTEE = DevTokens.mint("committee-1", List.of("ARBITRATION_COMMITTEE"), null);
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** The service's clock, which a test may move forward (the appeal window is days long). */
    static final class MovableClock extends Clock {

        private final Clock base = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        void reset() {
            offset.set(Duration.ZERO);
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }
    }

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "dispute_it");
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
        clock.reset();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    // ------------------------------------------------------------------ stories

    /**
     * B, second in line behind A (approved, supported), wins a duplicate claim that names its registration rightful,
     * which unblocks its approval and lets support move to it with ARBITRATION_RULING. Then A complains that B dumped
     * prices; staff link B; only the level-1 decider may rule; the upheld ruling penalizes B and revokes its
     * protection, each as an event on B's own aggregates caused by the ruling event (support stays where it is).
     * Closed disputes refuse a second ruling; the appeal window closes after the policy's 10 days.
     */
    @Test
    void upholdsADumpingComplaintAndCarriesOutItsEffectsOnTheRespondentsAggregates() {
        String a = onboard("GOLD");
        String b = onboard("SILVER");
        String c = onboard("GOLD");
        String inn = Inns.random();
        JsonNode regA = submit(a, inn);
        JsonNode regB = submit(b, inn);
        String idA = regA.get("registrationId").asText();
        String idB = regB.get("registrationId").asText();
        String opp = regA.get("opportunityId").asText();
        assertThat(http.post("/api/v1/registrations/" + idA + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        assertThat(http.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}").status()).isEqualTo(200);

        // B's duplicate claim: upheld naming B's registration rightful, which lifts the first-to-register rule
        assertThat(http.post("/api/v1/registrations/" + idB + "/approve", MANAGER, "{\"discountPercent\": 5}")
                .status()).isEqualTo(409);
        var claim = http.post("/api/v1/disputes", token(b), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "we met the customer first"}"""
                .formatted(idB));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        String claimId = claim.text("disputeId");
        var claimRuling = http.post("/api/v1/disputes/" + claimId + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "B's first meeting is documented",
                 "rightfulRegistrationId": "%s"}""".formatted(idB));
        assertThat(claimRuling.status()).as(claimRuling.raw()).isEqualTo(200);
        StoredEvent claimRuled = awaitEvent(claimId, "DisputeRuled");
        StoredEvent recorded = awaitEvent(opp, "RulingRecorded");
        assertThat(recorded.causationId()).isEqualTo(claimRuled.eventId());
        assertThat(recorded.payload().get("rightfulRegistrationId").asText()).isEqualTo(idB);
        var approveB = http.post("/api/v1/registrations/" + idB + "/approve", MANAGER,
                "{\"discountPercent\": 5, \"rulingDisputeId\": \"" + claimId + "\"}");
        assertThat(approveB.status()).as(approveB.raw()).isEqualTo(200);
        var moved = http.post("/api/v1/opportunities/" + opp + "/support", MANAGER, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "ARBITRATION_RULING",
                 "rulingDisputeId": "%s"}""".formatted(idB, claimId));
        assertThat(moved.status()).as("the ruling lets support move away from protected A").isEqualTo(200);

        // A's dumping complaint
        var withoutAmounts = http.post("/api/v1/disputes", token(a), """
                {"type": "PRICE_DUMPING", "registrationId": "%s", "description": "undercut"}""".formatted(idA));
        assertThat(withoutAmounts.status()).isEqualTo(400);
        assertThat(withoutAmounts.body().get("errors").findValuesAsText("field")).contains("amounts");
        assertThat(http.post("/api/v1/disputes", token(c), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "not mine"}""".formatted(idA))
                .status()).as("another partner's registration looks unknown").isEqualTo(404);
        var opened = http.post("/api/v1/disputes", token(a), """
                {"type": "PRICE_DUMPING", "registrationId": "%s",
                 "description": "B quoted the customer 18 %% below list while entitled to 5 %%",
                 "amounts": {"quotedPrice": {"amount": "1000000.00", "currency": "RUB"},
                             "allegedPrice": {"amount": "820000.00", "currency": "RUB"},
                             "entitledDiscountPercent": 5}}""".formatted(idA));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String disputeId = opened.text("disputeId");
        assertThat(opened.body().get("level").asInt()).isEqualTo(1);
        Instant openedAt = Instant.parse(awaitEvent(disputeId, "DisputeOpened").payload().get("openedAt").asText());
        assertThat(Instant.parse(opened.text("slaDueAt"))).as("level 1: 2 business days in the default policy")
                .isEqualTo(BusinessDayInstants.inShippedPolicy(openedAt, 2));

        var badDocument = http.post("/api/v1/disputes/" + disputeId + "/evidence", token(a), """
                {"description": "the quote", "documents": [{"name": "quote.pdf", "sha256": "abc"}]}""");
        assertThat(badDocument.status()).isEqualTo(400);
        assertThat(badDocument.body().get("errors").findValuesAsText("field")).contains("documents[0].sha256");
        var evidence = http.post("/api/v1/disputes/" + disputeId + "/evidence", token(a), """
                {"description": "B's quote to the customer",
                 "documents": [{"name": "quote.pdf", "sha256": "%s", "link": "https://files.example/q.pdf"}]}"""
                .formatted(SHA.toUpperCase()));
        assertThat(evidence.status()).as(evidence.raw()).isEqualTo(201);
        JsonNode evidenceAdded = awaitEvent(disputeId, "DisputeEvidenceAdded").payload();
        assertThat(evidence.text("evidenceId")).isEqualTo(evidenceAdded.get("evidenceId").asText());
        assertThat(evidenceAdded.at("/documents/0/sha256").asText()).isEqualTo(SHA);

        // not a party (yet): the same 404 as an unknown dispute
        String unknown = UUID.randomUUID().toString();
        for (String partner : List.of(c, b)) {
            assertThat(http.post("/api/v1/disputes/" + disputeId + "/evidence", token(partner),
                    "{\"description\": \"x\"}").status()).isEqualTo(404);
            assertThat(http.post("/api/v1/disputes/" + disputeId + "/escalate", token(partner),
                    "{\"reason\": \"x\"}").status()).isEqualTo(404);
            assertThat(http.post("/api/v1/disputes/" + disputeId + "/appeal", token(partner),
                    "{\"reason\": \"x\"}").status()).isEqualTo(404);
        }
        assertThat(http.post("/api/v1/disputes/" + unknown + "/evidence", token(c), "{\"description\": \"x\"}")
                .status()).isEqualTo(404);

        var linked = http.post("/api/v1/disputes/" + disputeId + "/respondent", MANAGER, """
                {"partnerId": "%s", "registrationId": "%s"}""".formatted(b, idB));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/respondent", token(a),
                "{\"partnerId\": \"" + c + "\"}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/evidence", token(b),
                "{\"description\": \"our price list\"}").status()).as("the respondent is a party now").isEqualTo(201);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/assign", MANAGER,
                "{\"assignee\": \"manager-2\"}").status()).isEqualTo(200);

        String upholding = """
                {"outcome": "UPHELD", "rationale": "the quote proves dumping",
                 "revokeRespondentProtection": true, "penaltyPoints": 10}""";
        var wrongLevel = http.post("/api/v1/disputes/" + disputeId + "/ruling", DIRECTOR, upholding);
        assertThat(wrongLevel.status()).isEqualTo(403);
        assertThat(wrongLevel.text("code")).isEqualTo("NOT_DECIDER_OF_LEVEL");
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/ruling", token(a), upholding).status())
                .isEqualTo(403);
        assertThat(eventTypes(disputeId)).doesNotContain("DisputeRuled");

        var ruling = http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER, upholding);
        assertThat(ruling.status()).as(ruling.raw()).isEqualTo(200);
        assertThat(ruling.text("outcome")).isEqualTo("UPHELD");
        assertThat(ruling.body().get("policyVersion").asLong())
                .isEqualTo(http.get("/api/v1/policies/current", MANAGER).body().get("version").asLong());
        Instant appealableUntil = Instant.parse(ruling.text("appealableUntil"));

        StoredEvent ruled = awaitEvent(disputeId, "DisputeRuled");
        StoredEvent penalized = awaitEvent(b, "PartnerPenalized");
        StoredEvent revoked = awaitEvent(opp, "RegistrationRevoked");
        for (StoredEvent effect : List.of(penalized, revoked)) {
            assertThat(effect.causationId()).as(effect.type()).isEqualTo(ruled.eventId());
            assertThat(effect.correlationId()).as(effect.type()).isEqualTo(ruled.correlationId());
            assertThat(effect.metadata().path("actorId").asText()).isEqualTo("manager-1");
        }
        assertThat(penalized.payload().get("points").asInt()).isEqualTo(10);
        assertThat(penalized.payload().get("disputeId").asText()).isEqualTo(disputeId);
        assertThat(revoked.payload().get("registrationId").asText()).isEqualTo(idB);
        assertThat(revoked.payload().get("heldSupport").asBoolean()).isTrue();
        List<String> oppEvents = eventTypes(opp);
        assertThat(oppEvents.subList(oppEvents.indexOf("RegistrationRevoked"), oppEvents.size()))
                .as("the revocation does not move support silently").doesNotContain("SupportMoved", "SupportWithdrawn");
        EventEnvelope relayed = RealInfrastructure.awaitEnvelope(TOPIC, e -> e.eventType().equals("PartnerPenalized")
                && e.aggregateId().equals(b));
        assertThat(relayed.metadata()).containsEntry("causationId", ruled.eventId());

        var again = http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER, upholding);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("DISPUTE_CLOSED");
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/evidence", token(a), "{\"description\": \"late\"}")
                .status()).isEqualTo(409);

        clock.advance(Duration.between(Instant.now(), appealableUntil).plus(Duration.ofDays(1)));
        var late = http.post("/api/v1/disputes/" + disputeId + "/appeal", token(b), "{\"reason\": \"unfair\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("APPEAL_WINDOW_CLOSED");
        assertThat(eventTypes(disputeId)).doesNotContain("DisputeAppealed");
        assertThat(eventTypes(b).stream().filter("PartnerPenalized"::equals)).as("penalized exactly once").hasSize(1);

        for (var answer : List.of(opened, evidence, ruling)) {
            assertThat(answer.raw()).as("the complainant never learns the respondent").doesNotContain(b);
        }
    }

    /** The respondent appeals in time; the director (one level up) dismisses, and the effects are reversed. */
    @Test
    void reversesTheEffectsWhenTheAppealOneLevelUpDismisses() {
        String a = onboard("GOLD");
        String b = onboard("PLATINUM");
        JsonNode regA = submit(a, Inns.random());
        JsonNode regB = submit(b, Inns.random());
        String idA = regA.get("registrationId").asText();
        String idB = regB.get("registrationId").asText();
        String oppB = regB.get("opportunityId").asText();
        var approvedB = http.post("/api/v1/registrations/" + idB + "/approve", MANAGER, "{\"discountPercent\": 20}");
        assertThat(approvedB.status()).isEqualTo(200);

        String disputeId = http.post("/api/v1/disputes", token(a), """
                {"type": "PRICE_DUMPING", "opportunityId": "%s", "description": "undercut",
                 "amounts": {"quotedPrice": {"amount": "500000", "currency": "RUB"},
                             "allegedPrice": {"amount": "400000", "currency": "RUB"},
                             "entitledDiscountPercent": "5"}}""".formatted(regA.get("opportunityId").asText()))
                .text("disputeId");
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/respondent", MANAGER,
                "{\"partnerId\": \"" + b + "\", \"registrationId\": \"" + idB + "\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "dumping", "revokeRespondentProtection": true,
                 "penaltyPoints": 5}""").status()).isEqualTo(200);
        awaitEvent(b, "PartnerPenalized");
        awaitEvent(oppB, "RegistrationRevoked");

        clock.advance(Duration.ofDays(3));
        var appeal = http.post("/api/v1/disputes/" + disputeId + "/appeal", token(b), "{\"reason\": \"list price\"}");
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(200);
        assertThat(appeal.body().get("level").asInt()).isEqualTo(2);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/appeal", token(a), "{\"reason\": \"me too\"}")
                .text("code")).isEqualTo("ALREADY_APPEALED");

        assertThat(http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"x\"}").status()).isEqualTo(403);
        var dismissed = http.post("/api/v1/disputes/" + disputeId + "/ruling", DIRECTOR,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"the alleged quote was the list price\"}");
        assertThat(dismissed.status()).as(dismissed.raw()).isEqualTo(200);
        assertThat(dismissed.body().get("appeal").asBoolean()).isTrue();
        assertThat(dismissed.body().get("appealableUntil").isNull()).isTrue();

        StoredEvent appealRuling = awaitEvent(disputeId, "DisputeRuled", e -> e.payload().get("appeal").asBoolean());
        StoredEvent penaltyReversed = awaitEvent(b, "PartnerPenaltyReversed");
        StoredEvent revocationReversed = awaitEvent(oppB, "RegistrationRevocationReversed");
        assertThat(penaltyReversed.causationId()).isEqualTo(appealRuling.eventId());
        assertThat(revocationReversed.causationId()).isEqualTo(appealRuling.eventId());
        assertThat(penaltyReversed.payload().get("totalPoints").asInt()).isZero();
        assertThat(revocationReversed.payload().get("status").asText()).isEqualTo("APPROVED");
        assertThat(revocationReversed.payload().get("protectedUntil").asText())
                .startsWith(approvedB.text("protectedUntil").substring(0, 19));

        assertThat(http.post("/api/v1/disputes/" + disputeId + "/appeal", token(b), "{\"reason\": \"again\"}")
                .text("code")).isEqualTo("ALREADY_APPEALED");
    }

    /**
     * Level 1 misses its SLA: the persistent deadline escalates to level 2, where only the director rules. Opened on a
     * Friday (business time moved there), so that every SLA spans a weekend: each is due the default policy's business
     * days (2, 3, 5) after its start, in Moscow time.
     */
    @Test
    void escalatesAutomaticallyWhenTheLevelsSlaPassesAndManuallyUpToTheCommittee() {
        clock.advance(BusinessDayInstants.untilNextFriday(clock.instant(), BusinessDayInstants.MOSCOW));
        String a = onboard("GOLD");
        JsonNode regA = submit(a, Inns.random());
        var opened = http.post("/api/v1/disputes", token(a), """
                {"type": "SUPPORT_OVERRIDE", "registrationId": "%s", "description": "support moved"}"""
                .formatted(regA.get("registrationId").asText()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String disputeId = opened.text("disputeId");
        Instant openedAt = Instant.parse(awaitEvent(disputeId, "DisputeOpened").payload().get("openedAt").asText());
        Instant levelOneDue = BusinessDayInstants.inShippedPolicy(openedAt, 2);
        assertThat(Instant.parse(opened.text("slaDueAt"))).isEqualTo(levelOneDue);
        assertThat(scheduledDeadlines(disputeId)).isEqualTo(1);

        // the SLA passes: make the stored deadline due now, as if the business days had gone by
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'AxonDeadline' "
                        + "AND convert_from(task_data, 'UTF8') LIKE :id")
                .param("id", "%" + disputeId + "%").update();
        StoredEvent escalated = awaitEvent(disputeId, "DisputeEscalated");
        assertThat(escalated.payload().get("automatic").asBoolean()).isTrue();
        assertThat(escalated.payload().get("level").asInt()).isEqualTo(2);
        assertThat(Instant.parse(escalated.payload().get("at").asText())).isEqualTo(levelOneDue);
        assertThat(Instant.parse(escalated.payload().get("slaDueAt").asText()))
                .isEqualTo(BusinessDayInstants.inShippedPolicy(levelOneDue, 3));

        assertThat(http.post("/api/v1/disputes/" + disputeId + "/assign", MANAGER, "{\"assignee\": \"manager-1\"}")
                .status()).isEqualTo(403);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/assign", DIRECTOR, "{\"assignee\": \"director-1\"}")
                .status()).isEqualTo(200);

        var manual = http.post("/api/v1/disputes/" + disputeId + "/escalate", token(a),
                "{\"reason\": \"the director is on leave\"}");
        assertThat(manual.status()).as(manual.raw()).isEqualTo(200);
        assertThat(manual.body().get("level").asInt()).isEqualTo(3);
        Instant manualAt = Instant.parse(awaitEvent(disputeId, "DisputeEscalated",
                e -> !e.payload().get("automatic").asBoolean()).payload().get("at").asText());
        assertThat(Instant.parse(manual.text("slaDueAt")))
                .isEqualTo(BusinessDayInstants.inShippedPolicy(manualAt, 5));
        var top = http.post("/api/v1/disputes/" + disputeId + "/escalate", MANAGER, "{\"reason\": \"higher\"}");
        assertThat(top.status()).isEqualTo(409);
        assertThat(top.text("code")).isEqualTo("ALREADY_AT_TOP_LEVEL");
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/ruling", DIRECTOR,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"x\"}").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/disputes/" + disputeId + "/ruling", COMMITTEE,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"no override happened\"}").status()).isEqualTo(200);
    }

    @Test
    void validatesTheRequestsWithFieldErrors() {
        String a = onboard("GOLD");
        JsonNode regA = submit(a, Inns.random());
        var nothingNamed = http.post("/api/v1/disputes", token(a),
                "{\"type\": \"DUPLICATE_CLAIM\", \"description\": \"x\"}");
        assertThat(nothingNamed.status()).isEqualTo(400);
        assertThat(nothingNamed.body().get("errors").findValuesAsText("field")).contains("registrationId");
        var badType = http.post("/api/v1/disputes", token(a), "{\"type\": \"GRUDGE\", \"description\": \"x\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.contentType()).contains("application/problem+json");
        var mixedCurrencies = http.post("/api/v1/disputes", token(a), """
                {"type": "PRICE_DUMPING", "registrationId": "%s", "description": "x",
                 "amounts": {"quotedPrice": {"amount": "1", "currency": "RUB"},
                             "allegedPrice": {"amount": "1", "currency": "USD"}}}"""
                .formatted(regA.get("registrationId").asText()));
        assertThat(mixedCurrencies.status()).isEqualTo(400);
        assertThat(mixedCurrencies.body().get("errors").findValuesAsText("field"))
                .contains("amounts.entitledDiscountPercent", "amounts.allegedPrice.currency");
        assertThat(http.post("/api/v1/disputes", token(a), """
                {"type": "DUPLICATE_CLAIM", "opportunityId": "no-such-opportunity", "description": "x"}""")
                .status()).isEqualTo(404);

        String disputeId = http.post("/api/v1/disputes", token(a), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "x"}"""
                .formatted(regA.get("registrationId").asText())).text("disputeId");
        var dismissWithEffects = http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"x\", \"penaltyPoints\": 3}");
        assertThat(dismissWithEffects.status()).isEqualTo(400);
        assertThat(dismissWithEffects.body().get("errors").findValuesAsText("field")).contains("penaltyPoints");
        var foreignRightful = http.post("/api/v1/disputes/" + disputeId + "/ruling", MANAGER,
                "{\"outcome\": \"UPHELD\", \"rationale\": \"x\", \"rightfulRegistrationId\": \"nope\"}");
        assertThat(foreignRightful.status()).isEqualTo(400);
        assertThat(foreignRightful.body().get("errors").findValuesAsText("field")).contains("rightfulRegistrationId");
        var unknownRespondent = http.post("/api/v1/disputes/" + disputeId + "/respondent", MANAGER,
                "{\"partnerId\": \"P-nobody\"}");
        assertThat(unknownRespondent.status()).isEqualTo(400);
        var selfRespondent = http.post("/api/v1/disputes/" + disputeId + "/respondent", MANAGER,
                "{\"partnerId\": \"" + a + "\"}");
        assertThat(selfRespondent.status()).isEqualTo(409);
        assertThat(selfRespondent.text("code")).isEqualTo("RESPONDENT_IS_COMPLAINANT");
    }

    /**
     * A WON far below the registered value records the win and the possible-dumping flag in one unit of work (one
     * request, consecutive events); staff turn the flag into a PRICE_DUMPING dispute pre-filled with its numbers and
     * the flagged partner as respondent, once; partners can do neither.
     */
    @Test
    void aWonBelowTheFloorIsFlaggedWithTheWinAndStaffTurnTheFlagOnceIntoAPrefilledDispute() {
        String owner = onboard("GOLD");
        JsonNode reg = submit(owner, Inns.random());
        String id = reg.get("registrationId").asText();
        String opp = reg.get("opportunityId").asText();
        assertThat(http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        var won = http.post("/api/v1/registrations/" + id + "/outcome", token(owner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"800000.00\", \"currency\": \"RUB\"}}");
        assertThat(won.status()).as(won.raw()).isEqualTo(200);

        List<StoredEvent> events = events(opp);
        StoredEvent win = events.get(events.size() - 2);
        StoredEvent flag = events.get(events.size() - 1);
        assertThat(win.type()).isEqualTo("RegistrationWon");
        assertThat(flag.type()).isEqualTo("PossibleDumpingFlagged");
        assertThat(flag.correlationId()).as("recorded by the same request").isEqualTo(win.correlationId());
        String flagId = "DF-" + id;
        assertThat(flag.payload().get("flagId").asText()).isEqualTo(flagId);
        assertThat(flag.payload().at("/registeredValue/amount").asText()).isEqualTo("1250000.00");
        assertThat(flag.payload().at("/finalValue/amount").asText()).isEqualTo("800000.00");
        assertThat(flag.payload().get("approvedDiscountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(flag.payload().get("impliedDiscountPercent").decimalValue()).isEqualByComparingTo("36");
        assertThat(flag.payload().at("/floor/maxDiscountPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(flag.payload().at("/floorValue/amount").asText()).isEqualTo("875000");
        assertThat(flag.payload().get("rules").toString())
                .isEqualTo("[\"DISCOUNT_ABOVE_APPROVED\",\"BELOW_POLICY_FLOOR\"]");
        assertThat(flag.payload().get("policyVersion").asLong()).isPositive();

        assertThat(http.post("/api/v1/dumping-flags/" + flagId + "/dispute", token(owner), "{}").status())
                .as("partners never act on flags").isEqualTo(403);
        assertThat(http.post("/api/v1/dumping-flags/DF-unknown/dispute", MANAGER, "{}").status()).isEqualTo(404);
        var disputed = http.post("/api/v1/dumping-flags/" + flagId + "/dispute", MANAGER, "{}");
        assertThat(disputed.status()).as(disputed.raw()).isEqualTo(201);
        String disputeId = disputed.text("disputeId");
        assertThat(disputed.text("type")).isEqualTo("PRICE_DUMPING");
        assertThat(awaitEvent(opp, "PossibleDumpingDisputed").payload().get("disputeId").asText()).isEqualTo(disputeId);
        JsonNode opened = awaitEvent(disputeId, "DisputeOpened").payload();
        assertThat(opened.get("dumpingFlagId").asText()).isEqualTo(flagId);
        assertThat(opened.get("opportunityId").asText()).isEqualTo(opp);
        assertThat(opened.at("/amounts/quotedPrice/amount").asText()).isEqualTo("1250000.00");
        assertThat(opened.at("/amounts/allegedPrice/amount").asText()).isEqualTo("800000.00");
        assertThat(opened.at("/amounts/entitledDiscountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(opened.get("complainantPartnerId").isNull()).isTrue();
        JsonNode respondent = awaitEvent(disputeId, "DisputeRespondentLinked").payload();
        assertThat(respondent.get("respondentPartnerId").asText()).isEqualTo(owner);
        assertThat(respondent.get("respondentRegistrationId").asText()).isEqualTo(id);

        var again = http.post("/api/v1/dumping-flags/" + flagId + "/dispute", MANAGER, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("DUMPING_FLAG_ALREADY_DISPUTED");
        var dismiss = http.post("/api/v1/dumping-flags/" + flagId + "/dismissal", MANAGER, "{\"reason\": \"late\"}");
        assertThat(dismiss.status()).isEqualTo(409);
        assertThat(dismiss.text("code")).isEqualTo("DUMPING_FLAG_ALREADY_DISPUTED");
    }

    /** A flag staff dismiss with a reason can no longer be taken to a dispute; a dismissal needs its reason. */
    @Test
    void aDismissedFlagCannotBecomeADispute() {
        String owner = onboard("GOLD");
        JsonNode reg = submit(owner, Inns.random());
        String id = reg.get("registrationId").asText();
        String opp = reg.get("opportunityId").asText();
        var won = http.post("/api/v1/registrations/" + id + "/outcome", token(owner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1200000\", \"currency\": \"RUB\"}}");
        assertThat(won.status()).as(won.raw()).isEqualTo(200);
        JsonNode flag = awaitEvent(opp, "PossibleDumpingFlagged").payload();
        assertThat(flag.get("rules").toString()).as("never approved: any discount is beyond the approved one")
                .isEqualTo("[\"DISCOUNT_ABOVE_APPROVED\"]");
        String flagId = "DF-" + id;

        assertThat(http.post("/api/v1/dumping-flags/" + flagId + "/dismissal", MANAGER, "{}").status())
                .isEqualTo(400);
        var dismissed = http.post("/api/v1/dumping-flags/" + flagId + "/dismissal", MANAGER,
                "{\"reason\": \"list price rounding agreed with the customer\"}");
        assertThat(dismissed.status()).as(dismissed.raw()).isEqualTo(200);
        assertThat(awaitEvent(opp, "PossibleDumpingDismissed").payload().get("reason").asText())
                .isEqualTo("list price rounding agreed with the customer");
        var disputed = http.post("/api/v1/dumping-flags/" + flagId + "/dispute", MANAGER, "{}");
        assertThat(disputed.status()).isEqualTo(409);
        assertThat(disputed.text("code")).isEqualTo("DUMPING_FLAG_DISMISSED");
    }

    // ------------------------------------------------------------------ helpers

    String onboard(String tier) {
        return Onboarding.onboard(http, tier, List.of("NETWORK_SECURITY"));
    }

    static String token(String partnerId) {
        return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }

    JsonNode submit(String partnerId, String inn) {
        var answer = http.post("/api/v1/registrations", token(partnerId), """
                {"customer": {"legalName": "Customer %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, LocalDate.now().plusDays(60)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    record StoredEvent(String eventId, String type, JsonNode payload, JsonNode metadata) {

        String causationId() {
            return metadata.path("causationId").asText(null);
        }

        String correlationId() {
            return metadata.path("correlationId").asText(null);
        }
    }

    List<StoredEvent> events(String aggregateId) {
        return jdbc.sql("""
                        SELECT eventidentifier, regexp_replace(payloadtype, '^.*\\.', ''),
                               convert_from(payload, 'UTF8'), convert_from(metadata, 'UTF8')
                        FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber""")
                .param("id", aggregateId)
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), json(rs.getString(3)),
                        json(rs.getString(4))))
                .list();
    }

    List<String> eventTypes(String aggregateId) {
        return events(aggregateId).stream().map(StoredEvent::type).toList();
    }

    StoredEvent awaitEvent(String aggregateId, String type) {
        return awaitEvent(aggregateId, type, e -> true);
    }

    /** Effects are carried out asynchronously (tracking processor): wait for the event to be stored. */
    StoredEvent awaitEvent(String aggregateId, String type, Predicate<StoredEvent> wanted) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<StoredEvent> found = events(aggregateId).stream()
                    .filter(e -> e.type().equals(type) && wanted.test(e)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(100);
        }
        throw new AssertionError("no " + type + " on " + aggregateId + " within 30 s; it has " + eventTypes(aggregateId));
    }

    long scheduledDeadlines(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline' "
                        + "AND convert_from(task_data, 'UTF8') LIKE :id")
                .param("id", "%" + aggregateId + "%").query(Long.class).single();
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

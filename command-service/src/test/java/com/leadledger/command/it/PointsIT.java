package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.command.partner.PenalizePartner;
import com.leadledger.command.partner.ReversePenalty;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points through the real stack (HTTP, PostgreSQL, the tracking processor, Kafka configured): an approval awards the
 * partner's points ledger (a separate aggregate) under the approval's policy, caused by the approval event; a penalty
 * takes points and its reversal gives them back; replaying every event from the start awards nothing twice.
 */
@DirtiesContext // resets a processor's token: close this context while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PointsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "points_it");
        registry.add("leadledger.kafka.topic", () -> "leadledger.events.points-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    @Test
    void anApprovalAwardsAPenaltyTakesAReversalGivesBackAndAReplayAddsNothing() {
        String partner = Onboarding.onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
        String ledger = "points:" + partner;
        String registrationId = approved(partner, LocalDate.now().plusDays(90));
        StoredEvent approval = events(jdbc.sql("SELECT opportunity_id FROM registration_lookup "
                        + "WHERE registration_id = :id").param("id", registrationId).query(String.class).single())
                .stream().filter(e -> e.type().equals("RegistrationApproved")).findFirst().orElseThrow();

        StoredEvent award = awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("REGISTRATION_APPROVED"));
        StoredEvent early = awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("EARLY_REGISTRATION"));
        for (StoredEvent e : List.of(award, early)) {
            assertThat(e.causationId()).isEqualTo(approval.eventId());
            assertThat(e.payload().get("causationId").asText()).isEqualTo(approval.eventId());
            assertThat(e.payload().get("subjectId").asText()).isEqualTo(registrationId);
            assertThat(e.payload().get("policyVersion").asLong())
                    .isEqualTo(approval.payload().get("policyVersion").asLong());
        }
        assertThat(award.payload().get("points").asInt()).as("default policy: +10 per approval").isEqualTo(10);
        assertThat(early.payload().get("points").asInt()).as("default policy: +5 when 60+ days early").isEqualTo(5);
        assertThat(events(partner)).extracting(StoredEvent::type).doesNotContain("PointsAwarded");
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline' "
                        + "AND convert_from(task_data, 'UTF8') LIKE :id")
                .param("id", "%" + ledger + "%").query(Long.class).single())
                .as("a persistent expiry deadline per award").isEqualTo(2);

        commands.sendAndWait(new PenalizePartner(partner, "D-" + partner, 2));
        StoredEvent penalized = awaitEvent(partner, "PartnerPenalized", e -> true);
        StoredEvent penalty = awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("PENALTY"));
        assertThat(penalty.causationId()).isEqualTo(penalized.eventId());
        assertThat(penalty.payload().get("points").asInt()).as("default policy: -10 per penalty point")
                .isEqualTo(-20);

        commands.sendAndWait(new ReversePenalty(partner, "D-" + partner));
        StoredEvent reversal = awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("PENALTY_REVERSED"));
        assertThat(reversal.payload().get("points").asInt()).isEqualTo(20);
        assertThat(reversal.causationId()).isEqualTo(awaitEvent(partner, "PartnerPenaltyReversed", e -> true).eventId());

        // a replay of every event from the start: each cause was awarded once, so nothing is added
        TrackingEventProcessor processor = processing.eventProcessor("points-awarding", TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        commands.sendAndWait(new PenalizePartner(partner, "D2-" + partner, 1));
        awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("PENALTY") && e.points() == -10);
        assertThat(events(ledger)).extracting(StoredEvent::cause)
                .containsExactly("REGISTRATION_APPROVED", "EARLY_REGISTRATION", "PENALTY", "PENALTY_REVERSED",
                        "PENALTY");
    }

    /**
     * A WON outcome reported with a final value awards the partner's ledger the policy's {@code wonPer100000} per full
     * 100,000 in the program currency, caused by the {@code RegistrationWon} event; a replay awards it no second time.
     */
    @Test
    void aWonOutcomeAwardsPointsPerFull100000OnceCausedByTheWin() {
        String partner = Onboarding.onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
        String ledger = "points:" + partner;
        String registrationId = approved(partner, LocalDate.now().plusDays(30));
        awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("REGISTRATION_APPROVED"));

        var won = http.post("/api/v1/registrations/" + registrationId + "/outcome", Onboarding.tokenOf(partner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"2250000.00\", \"currency\": \"RUB\"}}");
        assertThat(won.status()).as(won.raw()).isEqualTo(200);
        StoredEvent win = events(jdbc.sql("SELECT opportunity_id FROM registration_lookup "
                        + "WHERE registration_id = :id").param("id", registrationId).query(String.class).single())
                .stream().filter(e -> e.type().equals("RegistrationWon")).findFirst().orElseThrow();

        StoredEvent award = awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("REGISTRATION_WON"));
        assertThat(award.points()).as("default policy: 1 per full 100,000 RUB of 2,250,000").isEqualTo(22);
        assertThat(award.causationId()).isEqualTo(win.eventId());
        assertThat(award.payload().get("causationId").asText()).isEqualTo(win.eventId());
        assertThat(award.payload().get("awardId").asText()).isEqualTo(win.eventId() + "/REGISTRATION_WON");
        assertThat(award.payload().get("subjectId").asText()).isEqualTo(registrationId);
        assertThat(award.payload().get("expiresAt").isNull()).as("a positive award expires").isFalse();

        // a replay of every event from the start: the win was awarded once, so nothing is added
        TrackingEventProcessor processor = processing.eventProcessor("points-awarding", TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        commands.sendAndWait(new PenalizePartner(partner, "D-" + partner, 1));
        awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("PENALTY"));
        assertThat(events(ledger)).extracting(StoredEvent::cause)
                .containsExactly("REGISTRATION_APPROVED", "REGISTRATION_WON", "PENALTY");
    }

    /** The partner's user redeems over HTTP: refusals are coded problems that record nothing. */
    @Test
    void aPartnerRedeemsItsOwnPointsWithinItsBalanceOnItsOwnApprovedRegistration() {
        String partner = Onboarding.onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
        String other = Onboarding.onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
        String ledger = "points:" + partner;
        String own = approved(partner, LocalDate.now().plusDays(30));
        String others = approved(other, LocalDate.now().plusDays(30));
        awaitEvent(ledger, "PointsAwarded", e -> e.cause().equals("REGISTRATION_APPROVED"));
        String token = Onboarding.tokenOf(partner);
        String path = "/api/v1/partners/" + partner + "/points/redemptions";

        var notYours = http.post("/api/v1/partners/" + other + "/points/redemptions", token,
                "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 1}");
        assertThat(notYours.status()).as(notYours.raw()).isEqualTo(404);
        var tooMany = http.post(path, token, "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 11}");
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(409);
        assertThat(tooMany.text("code")).isEqualTo("POINTS_INSUFFICIENT");
        var notEligible = http.post(path, token, """
                {"kind": "EXTRA_DISCOUNT", "points": 5, "registrationId": "%s"}""".formatted(others));
        assertThat(notEligible.status()).as(notEligible.raw()).isEqualTo(409);
        assertThat(notEligible.text("code")).isEqualTo("REGISTRATION_NOT_ELIGIBLE");
        var noPoints = http.post(path, token, "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 0}");
        assertThat(noPoints.status()).as(noPoints.raw()).isEqualTo(400);
        assertThat(events(ledger)).extracting(StoredEvent::type).doesNotContain("PointsRedeemed");

        var discount = http.post(path, token, """
                {"kind": "EXTRA_DISCOUNT", "points": 6, "registrationId": "%s"}""".formatted(own));
        assertThat(discount.status()).as(discount.raw()).isEqualTo(201);
        assertThat(discount.body().get("extraDiscountPercent").decimalValue()).isEqualByComparingTo("0.6");
        var credit = http.post(path, token, "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 4}");
        assertThat(credit.status()).as(credit.raw()).isEqualTo(201);
        assertThat(new BigDecimal(credit.body().at("/marketingFundCredit/amount").asText()))
                .isEqualByComparingTo("400");
        assertThat(http.post(path, token, "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 1}").text("code"))
                .as("10 earned, 10 spent").isEqualTo("POINTS_INSUFFICIENT");
        List<StoredEvent> redeemed = events(ledger).stream().filter(e -> e.type().equals("PointsRedeemed")).toList();
        assertThat(redeemed).hasSize(2);
        assertThat(redeemed.get(0).payload().get("actorId").asText()).isEqualTo("user-of-" + partner);
        assertThat(redeemed.get(0).payload().get("registrationId").asText()).isEqualTo(own);
    }

    /** A registration of the partner, submitted to close on the date and approved; its id. */
    String approved(String partnerId, LocalDate expectedClose) {
        String registrationId = submit(partnerId, expectedClose).get("registrationId").asText();
        var approval = http.post("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": 10}");
        assertThat(approval.status()).as(approval.raw()).isEqualTo(200);
        return registrationId;
    }

    JsonNode submit(String partnerId, LocalDate expectedClose) {
        String inn = Inns.random();
        var answer = http.post("/api/v1/registrations", Onboarding.tokenOf(partnerId), """
                {"customer": {"legalName": "Customer %s", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, inn, expectedClose));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    record StoredEvent(String eventId, String type, JsonNode payload, JsonNode metadata) {

        String causationId() {
            return metadata.path("causationId").asText(null);
        }

        String cause() {
            return payload.path("cause").asText("");
        }

        int points() {
            return payload.path("points").asInt();
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

    /** Points are awarded asynchronously (tracking processor): wait for the event to be stored. */
    StoredEvent awaitEvent(String aggregateId, String type, Predicate<StoredEvent> wanted) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<StoredEvent> found = events(aggregateId).stream()
                    .filter(e -> e.type().equals(type) && wanted.test(e)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + type + " on " + aggregateId + " within 60 s; it has "
                + events(aggregateId).stream().map(StoredEvent::type).toList());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

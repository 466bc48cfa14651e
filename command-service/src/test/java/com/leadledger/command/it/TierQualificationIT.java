package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.leadledger.command.it.Onboarding.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier qualification story over real HTTP, PostgreSQL and Kafka: a REGISTERED partner wins RUB 6 000 000, the
 * admin's run proposes SILVER, the admin confirms it, and the partner's next approval gets SILVER's 90 protection days
 * instead of REGISTERED's 60.
 */
class TierQualificationIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);

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
    void aRunProposesATierThatTakesEffectOnTheNextApprovalOnlyOnceAnAdminConfirmsIt() {
        String partner = Onboarding.onboard(http, "REGISTERED", List.of("NETWORK_SECURITY"));
        String won = approve(submit(partner));
        var outcome = http.post("/api/v1/registrations/" + won + "/outcome", Onboarding.tokenOf(partner), """
                {"result": "WON", "finalValue": {"amount": "6000000.00", "currency": "RUB"}}""");
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
        var certified = http.post("/api/v1/partners/" + partner + "/certifications", ADMIN, """
                {"productLine": "NETWORK_SECURITY", "specialist": "Irina Petrova",
                 "validFrom": "%s", "validUntil": "%s"}""".formatted(LocalDate.now().minusDays(10),
                LocalDate.now().plusYears(1)));
        assertThat(certified.status()).as(certified.raw()).isEqualTo(201);
        assertThat(http.post("/api/v1/program/qualification-runs", Onboarding.tokenOf(partner), "{}").status())
                .as("only an admin runs the qualification").isEqualTo(403);

        var run = http.post("/api/v1/program/qualification-runs", ADMIN, "{}");

        assertThat(run.status()).as(run.raw()).isEqualTo(201);
        String evaluationId = null;
        for (JsonNode evaluation : run.body().get("evaluations")) {
            if (evaluation.get("partnerId").asText().equals(partner)) {
                evaluationId = evaluation.get("evaluationId").asText();
            }
        }
        assertThat(evaluationId).as(run.raw()).isNotNull();
        JsonNode evaluated = storedPayload(partner, "TierQualificationEvaluated");
        assertThat(evaluated.get("proposedTier").asText()).isEqualTo("SILVER");
        assertThat(evaluated.get("currentTier").asText()).isEqualTo("REGISTERED");
        assertThat(new BigDecimal(evaluated.get("wonRevenue").asText())).isEqualByComparingTo("6000000");
        assertThat(evaluated.get("currency").asText()).isEqualTo("RUB");
        assertThat(evaluated.get("certifiedSpecialists").get("NETWORK_SECURITY").asInt()).isEqualTo(1);
        assertThat(evaluated.get("registrations").asInt()).isEqualTo(1);
        assertThat(evaluated.get("earlyRegistrations").asInt()).isEqualTo(1);
        assertThat(protectionDaysOfANewApproval(partner)).as("no tier change before confirmation").isEqualTo(60);

        String confirmation = "/api/v1/partners/" + partner + "/tier-proposals/" + evaluationId + "/confirmation";
        var unjustified = http.post(confirmation, ADMIN, "{\"tier\": \"GOLD\"}");
        assertThat(unjustified.status()).as(unjustified.raw()).isEqualTo(400);
        assertThat(unjustified.raw()).contains("JUSTIFICATION_REQUIRED");
        var confirmed = http.post(confirmation, ADMIN, "{}");
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);

        JsonNode changed = storedPayload(partner, "PartnerTierChanged");
        assertThat(changed.get("tier").asText()).isEqualTo("SILVER");
        assertThat(changed.get("evaluationId").asText()).isEqualTo(evaluationId);
        assertThat(protectionDaysOfANewApproval(partner)).as("SILVER's protection days").isEqualTo(90);
        assertThat(http.post(confirmation, ADMIN, "{}").status()).as("confirmed once").isEqualTo(404);
    }

    @Test
    void theMonthlyRunIsAPersistentTaskScheduledForTheFirstOfNextMonth() {
        Instant next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'tier-qualification-run'")
                .query(java.sql.Timestamp.class).single().toInstant();

        assertThat(next.atZone(java.time.ZoneId.of("Europe/Moscow")).getDayOfMonth()).isEqualTo(1);
        assertThat(next.atZone(java.time.ZoneId.of("Europe/Moscow")).getHour()).isEqualTo(3);
        assertThat(next).isAfter(Instant.now().minus(Duration.ofDays(1)));
    }

    String submit(String partnerId) {
        var answer = http.post("/api/v1/registrations", Onboarding.tokenOf(partnerId), """
                {"customer": {"legalName": "Tier Customer", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "6000000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(Inns.random(), LocalDate.now().plusDays(90)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.text("registrationId");
    }

    String approve(String registrationId) {
        var approved = http.post("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": 5}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        return registrationId;
    }

    /** Submits and approves a registration without naming protection days: the tier's days apply. */
    long protectionDaysOfANewApproval(String partnerId) {
        String registrationId = submit(partnerId);
        var approved = http.post("/api/v1/registrations/" + registrationId + "/approve", MANAGER,
                "{\"discountPercent\": 5}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        Instant protectedUntil = Instant.parse(approved.text("protectedUntil"));
        Instant approvedAt = Instant.parse(jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'approvedAt' FROM domainevententry
                        WHERE payloadtype LIKE '%.RegistrationApproved'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = :id""")
                .param("id", registrationId).query(String.class).single());
        return Duration.between(approvedAt, protectedUntil).toDays();
    }

    JsonNode storedPayload(String aggregateId, String type) {
        String json = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE aggregateidentifier = :id AND payloadtype LIKE :type
                        ORDER BY sequencenumber DESC LIMIT 1""")
                .param("id", aggregateId).param("type", "%." + type).query(String.class).single();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

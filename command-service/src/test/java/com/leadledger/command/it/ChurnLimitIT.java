package com.leadledger.command.it;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP: one partner registers one opportunity at most 20 times within 24 hours, however its registrations ended;
 * the 21st is refused with 429 {@code REGISTRATION_CHURN_LIMIT}, {@code availableAt} and {@code Retry-After}, and
 * records nothing. Another partner may still register the opportunity.
 */
class ChurnLimitIT extends CommandServiceITBase {

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
    void theTwentyFirstRegistrationOfOnePartnerOnOneOpportunityWithin24HoursIsRefusedWith429() {
        String churner = partner();
        String inn = Inns.random();
        Instant first = null;
        String opportunityId = null;
        for (int i = 0; i < 20; i++) {
            var accepted = http.post("/api/v1/registrations", churner, registration(inn));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
            first = first == null ? Instant.parse(accepted.text("acceptedAt")) : first;
            opportunityId = accepted.text("opportunityId");
            var rejected = http.post("/api/v1/registrations/" + accepted.text("registrationId") + "/reject", MANAGER,
                    "{\"reasonCode\": \"INSUFFICIENT_INFORMATION\"}");
            assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        }
        long eventsBefore = eventsOf(opportunityId);

        var refused = http.post("/api/v1/registrations", churner, registration(inn));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("REGISTRATION_CHURN_LIMIT");
        Instant availableAt = Instant.parse(refused.text("availableAt"));
        assertThat(availableAt).isEqualTo(first.plus(Duration.ofDays(1)));
        long retryAfter = Long.parseLong(refused.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After")).findFirst().orElseThrow().getValue().get(0));
        assertThat(retryAfter).isBetween(1L, Duration.ofDays(1).toSeconds());
        assertThat(Instant.now().plusSeconds(retryAfter)).isAfterOrEqualTo(availableAt.minusSeconds(1));
        assertThat(eventsOf(opportunityId)).as("nothing recorded").isEqualTo(eventsBefore);

        var another = http.post("/api/v1/registrations", partner(), registration(inn));
        assertThat(another.status()).as(another.raw()).isEqualTo(201);
    }

    private long eventsOf(String opportunityId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", opportunityId).query(Long.class).single();
    }

    /** A token of a fresh, onboarded GOLD partner authorised for NETWORK_SECURITY. */
    private String partner() {
        return Onboarding.tokenOf(Onboarding.onboardGold(http));
    }

    static String registration(String inn) {
        return """
                {"customer": {"legalName": "OOO Churn", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(90));
    }
}

package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault 6: a write transaction that takes its global index early and commits late, after events with higher indexes
 * were already published. Its event must still be published (and therefore projected): the relay follows
 * {@code relay_outbox}, which a late commit fills when it commits, instead of the global index, whose gaps a tracking
 * processor gives up on after its gap timeout.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LateCommitIT {

    static final String DB = "late_commit_it_" + UUID.randomUUID().toString().substring(0, 8);
    static final String TOPIC = "leadledger.events." + DB;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, DB);
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anEventCommittedLongAfterLaterOnesWerePublishedIsStillPublished() throws Exception {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = onboard(http, "P-A" + tag);
        String b = onboard(http, "P-B" + tag);
        String c = onboard(http, "P-C" + tag);
        String inn = Inns.random();
        JsonNode first = submit(http, a, inn);
        String opportunity = first.get("opportunityId").asText();
        RealInfrastructure.awaitEnvelope(TOPIC, submissionOf(first));

        var pg = TestInfrastructure.postgres();
        try (Connection blocker = DriverManager.getConnection(url, pg.username(), pg.password())) {
            // hold the opportunity's stream head: the next event of that stream is inserted (its global index taken)
            // and then waits in the insert trigger until this transaction ends
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT * FROM stream_head WHERE aggregateidentifier = ? FOR UPDATE")) {
                lock.setString(1, opportunity);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            CompletableFuture<JsonNode> slow = CompletableFuture.supplyAsync(() -> submit(http, b, inn));
            Thread.sleep(1_000);
            assertThat(slow).isNotDone();

            // meanwhile other registrations commit with higher global indexes and are published
            JsonNode later = submit(http, c, Inns.random());
            EventEnvelope laterEnvelope = RealInfrastructure.awaitEnvelope(TOPIC, submissionOf(later));
            Thread.sleep(2_000); // well past the relay's idle pause: a gap-skipping relay would have moved on
            blocker.rollback(); // releases the lock; the slow transaction commits now

            JsonNode slowAnswer = slow.get(30, TimeUnit.SECONDS);
            EventEnvelope slowEnvelope = RealInfrastructure.awaitEnvelope(TOPIC, submissionOf(slowAnswer));
            assertThat(slowEnvelope.globalIndex()).isLessThan(laterEnvelope.globalIndex());
            assertThat(slowEnvelope.aggregateId()).isEqualTo(opportunity);
        }
    }

    private static JsonNode submit(HttpApi http, String partner, String inn) {
        var answer = http.post("/api/v1/registrations", DevTokens.mint("u-" + partner, List.of("PARTNER"), partner),
                """
                {"customer": {"legalName": "Late Commit Co", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "500000", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(30)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    private static String onboard(HttpApi http, String partnerId) {
        assertThat(http.post("/api/v1/partners", DevTokens.mint("admin", List.of("ADMIN"), null),
                "{\"partnerId\": \"" + partnerId + "\", \"name\": \"Late\", \"tier\": \"GOLD\", "
                        + "\"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
        return partnerId;
    }

    /** The submission event of the registration the answer names. */
    private static java.util.function.Predicate<EventEnvelope> submissionOf(JsonNode answer) {
        String registrationId = answer.get("registrationId").asText();
        return e -> e.eventType().equals("RegistrationSubmitted")
                && registrationId.equals(e.payload().path("registrationId").asText());
    }
}

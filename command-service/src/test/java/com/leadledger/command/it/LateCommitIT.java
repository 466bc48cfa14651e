package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.leadledger.command.it.HeldStreamHead.onboard;
import static com.leadledger.command.it.HeldStreamHead.submit;
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

        try (HeldStreamHead held = HeldStreamHead.hold(url, opportunity)) {
            CompletableFuture<JsonNode> slow = CompletableFuture.supplyAsync(() -> submit(http, b, inn));
            Thread.sleep(1_000);
            assertThat(slow).isNotDone();

            // meanwhile other registrations commit with higher global indexes and are published
            JsonNode later = submit(http, c, Inns.random());
            EventEnvelope laterEnvelope = RealInfrastructure.awaitEnvelope(TOPIC, submissionOf(later));
            Thread.sleep(2_000); // well past the relay's idle pause: a gap-skipping relay would have moved on
            held.release(); // the slow transaction commits now

            JsonNode slowAnswer = slow.get(30, TimeUnit.SECONDS);
            EventEnvelope slowEnvelope = RealInfrastructure.awaitEnvelope(TOPIC, submissionOf(slowAnswer));
            assertThat(slowEnvelope.globalIndex()).isLessThan(laterEnvelope.globalIndex());
            assertThat(slowEnvelope.aggregateId()).isEqualTo(opportunity);
        }
    }

    /** The submission event of the registration the answer names. */
    private static java.util.function.Predicate<EventEnvelope> submissionOf(JsonNode answer) {
        String registrationId = answer.get("registrationId").asText();
        return e -> e.eventType().equals("RegistrationSubmitted")
                && registrationId.equals(e.payload().path("registrationId").asText());
    }
}

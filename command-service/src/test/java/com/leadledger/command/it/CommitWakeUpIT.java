package com.leadledger.command.it;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static com.leadledger.command.it.Conditions.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workers that read what commands stored are woken by the commits, not by polling: with the relay's safety poll
 * and the webhooks' idle poll an hour long, events committed while they wait still reach Kafka at once, one command
 * after another, and a webhook leaves at once and is sent again when its retry falls due.
 */
// Own context: the hour-long polls must not hold up other tests should a wake-up be missed.
@DirtiesContext // close this context (Kafka clients, the relay, the webhooks) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leadledger.relay.safety-poll=1h", "leadledger.webhooks.idle-poll=1h"})
class CommitWakeUpIT {

    static final String TOPIC = "leadledger.events.commit-wake-up-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "commit_wake_up_it");
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;

    @Test
    void eventsCommittedWhileTheRelayWaitsAreSentWithoutWaitingForTheSafetyPoll() {
        for (int i = 0; i < 3; i++) {
            String partnerId = Onboarding.onboardGold(http());

            EventEnvelope sent = RealInfrastructure.awaitEnvelope(TOPIC, e -> partnerId.equals(e.aggregateId()));
            assertThat(sent.eventType()).isEqualTo("PartnerOnboarded");
        }
    }

    @Test
    void aWebhookLeavesWithoutWaitingForTheIdlePollAndIsSentAgainWhenItsRetryFallsDue() throws Exception {
        HttpApi http = http();
        String partnerId = Onboarding.onboardGold(http);
        try (WebhookEndpoint endpoint = new WebhookEndpoint()) {
            WebhookIT.subscribe(http, partnerId, Onboarding.tokenOf(partnerId), endpoint.url());
            endpoint.answerNext(500);
            String id = WebhookIT.submit(http, partnerId, Inns.random()).get("registrationId").asText();

            assertThat(http.post("/api/v1/registrations/" + id + "/approve", WebhookIT.MANAGER,
                    "{\"discountPercent\": 10}").status()).isEqualTo(200);

            await("the approval answered 500, then sent again",
                    () -> endpoint.ofType("registration.approved").size() == 2);
        }
    }

    private HttpApi http() {
        return new HttpApi("http://localhost:" + port);
    }
}

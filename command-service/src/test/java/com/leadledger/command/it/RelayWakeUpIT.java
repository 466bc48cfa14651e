package com.leadledger.command.it;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay is woken by the commit of the events it has to send, not by polling: with its safety poll an hour long,
 * events committed while it waits still reach Kafka at once, one command after another.
 */
// Own context: the hour-long safety poll must not hold up other tests should a wake-up be missed.
@DirtiesContext // close this context (Kafka clients, the relay) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadledger.relay.safety-poll=1h")
class RelayWakeUpIT {

    static final String TOPIC = "leadledger.events.relay-wake-up-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "relay_wake_up_it");
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;

    @Test
    void eventsCommittedWhileTheRelayWaitsAreSentWithoutWaitingForTheSafetyPoll() {
        for (int i = 0; i < 3; i++) {
            String partnerId = onboard();

            EventEnvelope sent = RealInfrastructure.awaitEnvelope(TOPIC, e -> partnerId.equals(e.aggregateId()));
            assertThat(sent.eventType()).isEqualTo("PartnerOnboarded");
        }
    }

    private String onboard() {
        return Onboarding.onboardGold(new HttpApi("http://localhost:" + port));
    }
}

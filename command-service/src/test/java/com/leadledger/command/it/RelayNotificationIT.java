package com.leadledger.command.it;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay is woken by PostgreSQL's notification, not by polling: with its safety poll an hour long, events stored
 * after it drained the outbox still reach Kafka at once, also after its listening connection was cut.
 */
// Own context: the hour-long safety poll must not slow other tests down should a notification go unheard.
@DirtiesContext // close this context (Kafka clients, the relay) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadledger.relay.safety-poll=1h")
class RelayNotificationIT {

    static final String TOPIC = "leadledger.events.relay-notify-it-" + UUID.randomUUID();
    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);
    static final String LISTENER = "leadledger-relay-listener";
    /** This service's listening connection (other test contexts on the same server have theirs). */
    static final String LISTENER_PIDS = """
            SELECT pid FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "relay_notify_it");
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void eventsStoredWhileTheRelayWaitsAreSentOnTheirNotification() {
        awaitListeningAndDrained();

        String partnerId = onboard();

        EventEnvelope sent = RealInfrastructure.awaitEnvelope(TOPIC, e -> partnerId.equals(e.aggregateId()));
        assertThat(sent.eventType()).isEqualTo("PartnerOnboarded");
    }

    @Test
    void aCutListeningConnectionIsOpenedAgainAndNothingStoredMeanwhileIsLeftBehind() {
        awaitListeningAndDrained();
        Integer listenerPid = jdbc.sql(LISTENER_PIDS).param(LISTENER).query(Integer.class).single();

        var superuser = JdbcClient.create(RealInfrastructure.superuser(dataSource));
        assertThat(superuser.sql("SELECT pg_terminate_backend(?)").param(listenerPid).query(Boolean.class).single())
                .isTrue();
        String partnerId = onboard();

        EventEnvelope sent = RealInfrastructure.awaitEnvelope(TOPIC, e -> partnerId.equals(e.aggregateId()));
        assertThat(sent.eventType()).isEqualTo("PartnerOnboarded");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(LISTENER_PIDS).param(LISTENER)
                .query(Integer.class).list()).hasSize(1).doesNotContain(listenerPid));
    }

    private void awaitListeningAndDrained() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql(LISTENER_PIDS).param(LISTENER).query(Integer.class).list()).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM relay_outbox").query(Long.class).single()).isZero();
        });
    }

    private String onboard() {
        String partnerId = "P-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = new HttpApi("http://localhost:" + port).post("/api/v1/partners", ADMIN, """
                {"partnerId": "%s", "name": "Partner %s", "tier": "GOLD", "productLines": ["NETWORK_SECURITY"]}"""
                .formatted(partnerId, partnerId));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return partnerId;
    }
}

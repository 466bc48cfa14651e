package com.leadledger.query.it;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.query.Fixtures;
import com.leadledger.testsupport.StoppablePostgres;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drill: the query service's PostgreSQL goes away for a while. Reads answer 503 problem+json promptly (not 500,
 * not hanging), the service reports itself not ready, and when the database is back it becomes ready again by itself,
 * answers reads, and ingests what was published meanwhile. A PostgreSQL server of its own (real, embedded), so that
 * stopping it disturbs no other test; a context of its own for the same reason.
 */
@Tag("drill")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=2000", "leadledger.health.kafka.timeout=2s",
        "leadledger.ingest.retry.initial-interval=50ms", "leadledger.reconciliation.enabled=false",
        "leadledger.command.url=http://127.0.0.1:1"})
@ActiveProfiles("local")
class QueryDatabaseOutageIT {

    static final String TOPIC = "leadledger.events.query-outage-it-" + UUID.randomUUID();
    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final StoppablePostgres postgres = StoppablePostgres.start("query-outage-pg");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        postgres.datasourceProperties().forEach((property, value) -> registry.add(property, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> TOPIC);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        Http http = new Http("http://localhost:" + port);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            String before = publishRegistration(producer);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.get("/api/v1/registrations/" + before, MANAGER).status() == 200);
            String readBefore = http.get("/api/v1/registrations/" + before, MANAGER).text();
            assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            postgres.stop();

            long start = System.nanoTime();
            Http.Response duringOutage = http.get("/api/v1/registrations/" + before, MANAGER);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(duringOutage.status()).as(duringOutage.text()).isEqualTo(503);
            assertThat(duringOutage.contentType()).startsWith("application/problem+json");
            assertThat(duringOutage.body().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(duringOutage.header("Retry-After")).isEqualTo("5");
            assertThat(tookMs).as("answers promptly instead of hanging").isLessThan(15_000);
            Http.Response readiness = http.get("/actuator/health/readiness", DevTokens.mint("admin-1",
                    List.of("ADMIN"), null));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/db/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/kafka/status").asText()).isEqualTo("UP");
            String duringTheOutage = publishRegistration(producer);

            postgres.restart();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
            Http.Response afterRecovery = http.get("/api/v1/registrations/" + before, MANAGER);
            assertThat(afterRecovery.status()).as(afterRecovery.text()).isEqualTo(200);
            assertThat(afterRecovery.text()).isEqualTo(readBefore);
            await("the event published during the outage is ingested").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/api/v1/registrations/" + duringTheOutage, MANAGER).status() == 200);
            assertThat(http.get("/api/v1/admin/dead-letters", DevTokens.mint("admin-1", List.of("ADMIN"), null))
                    .body().get("total").asLong()).as("a passing outage parks nothing").isZero();
        }
    }

    /** Publishes an opened opportunity and one registration, as the command side's relay does; the registration id. */
    private static String publishRegistration(KafkaProducer<String, byte[]> producer) throws Exception {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("NETWORK_SECURITY");
        stream.opened();
        RegistrationSubmitted submitted = stream.submit("P-outage-" + UUID.randomUUID().toString().substring(0, 8));
        for (EventEnvelope envelope : stream.envelopes()) {
            producer.send(new ProducerRecord<>(TOPIC, envelope.aggregateId(), Fixtures.CODEC.encode(envelope)))
                    .get(10, TimeUnit.SECONDS);
        }
        return submitted.registrationId();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }
}

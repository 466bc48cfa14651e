package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.query.Fixtures;
import com.leadledger.testsupport.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * One running query service for all integration test classes (they share this configuration, so Spring's test
 * context cache starts it once): real PostgreSQL (a fresh database) and a real Kafka broker with a topic of its own,
 * fed by a plain producer, asserted through real HTTP. Tests use fresh ids, so they do not see each other's data.
 * It runs the local profile, the only one that accepts HS256 dev tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureMetrics
public abstract class QueryServiceITBase {

    static final String TOPIC = "leadledger.events.query-it-" + UUID.randomUUID();
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var pg = TestInfrastructure.postgres();
        // used as the application role, migrated as the migration owner, as in a deployment
        pg.serviceProperties(pg.freshDatabase("query_it")).forEach((property, value) -> registry.add(property,
                () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> TOPIC);
        registry.add("leadledger.kafka.partitions", () -> 3);
        registry.add("leadledger.ingest.retry.initial-interval", () -> "50ms");
        // no command side here: the whole-copy verification reports its checkpoints as UNAVAILABLE
        registry.add("leadledger.command.url", () -> "http://127.0.0.1:1");
        registry.add("leadledger.reconciliation.enabled", () -> "false");
        // a rebuild of the tests' few thousand events in several batches, as a large log is rebuilt
        registry.add("leadledger.rebuild.batch-size", () -> 500);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    Http http;

    /**
     * The service's database as the server's superuser, for faults a test injects where the service's own role may
     * change nothing (constraints, triggers).
     */
    JdbcClient superuser() {
        return JdbcClient.create(superuserDataSource());
    }

    /**
     * Makes the live registration view refuse every row of the partner, as a too-strict migration would: the same
     * failure (SQLSTATE 23514) on every attempt, so the partner's registrations are parked. The rebuild's shadow table
     * keeps its layout. Returns the constraint's name, to drop it once the cause is to be fixed.
     */
    String refuseRegistrationsOf(String partnerId) {
        String constraint = "it_refuse_" + UUID.randomUUID().toString().replace("-", "");
        superuser().sql("ALTER TABLE registration_view ADD CONSTRAINT %s CHECK (partner_id <> '%s') NOT VALID"
                .formatted(constraint, partnerId)).update();
        return constraint;
    }

    DataSource superuserDataSource() {
        try {
            var pg = TestInfrastructure.postgres();
            return new DriverManagerDataSource(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), pg.username(),
                    pg.password());
        } catch (SQLException e) {
            throw new IllegalStateException("not the service's Hikari pool: " + dataSource, e);
        }
    }

    @BeforeEach
    void connect() {
        http = new Http("http://localhost:" + port);
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Publishes like the command side's relay: key = aggregate id, value = envelope JSON; waits for the ack. */
    static void publish(EventEnvelope envelope) {
        publishRaw(envelope.aggregateId(), Fixtures.CODEC.encode(envelope));
    }

    static void publish(List<EventEnvelope> envelopes) {
        envelopes.forEach(QueryServiceITBase::publish);
    }

    static void publishRaw(String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge", e);
        }
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .pollDelay(Duration.ZERO);
    }

    boolean stored(String eventId) {
        return jdbc.sql("SELECT count(*) FROM event_log WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single() == 1;
    }

    void awaitStored(EventEnvelope envelope) {
        eventually().until(() -> stored(envelope.eventId()));
    }

    /** Waits until the registration is visible to the given reader and returns it. */
    JsonNode awaitRegistration(String registrationId, String token) {
        eventually().until(() -> http.get("/api/v1/registrations/" + registrationId, token).status() == 200);
        return http.get("/api/v1/registrations/" + registrationId, token).body();
    }

    /** Waits until {@code path} answers 200 with a body that satisfies {@code ready}, and returns that body. */
    JsonNode awaitJson(String path, String token, Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> body = new AtomicReference<>();
        eventually().until(() -> {
            Http.Response answer = http.get(path, token);
            if (answer.status() == 200 && answer.body() != null && ready.test(answer.body())) {
                body.set(answer.body());
                return true;
            }
            return false;
        });
        return body.get();
    }

    /** Every item of a paged list, page by page (lists are shared by all tests, so they may be long). */
    List<JsonNode> allItems(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Http.Response answer = http.get(path + separator + "size=200&page=" + page, token);
            if (answer.status() != 200) {
                throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.text());
            }
            answer.body().get("items").forEach(items::add);
            if ((long) (page + 1) * 200 >= answer.body().get("total").asLong()) {
                return items;
            }
        }
    }

    double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    static String partnerToken(String partnerId) {
        return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }

    static String token(String role) {
        return DevTokens.mint(role.toLowerCase() + "-1", List.of(role), null);
    }

    static String uniquePartner(String name) {
        return "P-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

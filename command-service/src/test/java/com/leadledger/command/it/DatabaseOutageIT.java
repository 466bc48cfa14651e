package com.leadledger.command.it;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import com.leadledger.testsupport.StoppablePostgres;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drill: PostgreSQL goes away for a while. The command service answers 503 problem+json quickly (not 500, not
 * hanging), reports itself not ready, and recovers by itself when the database is back. Uses a PostgreSQL server of
 * its own (real, embedded) so that stopping it does not disturb other tests.
 */
// Own context: it stops its database server.
@Tag("drill")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=2000", "leadledger.health.kafka.timeout=2s"})
class DatabaseOutageIT {

    static final StoppablePostgres postgres = StoppablePostgres.start("outage-pg");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        postgres.datasourceProperties().forEach((property, value) -> registry.add(property, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> "leadledger.events.outage-it-" + UUID.randomUUID());
        registry.add("leadledger.security.dev-jwt-secret", () -> DevTokens.DEFAULT_SECRET);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        HttpApi http = new HttpApi("http://localhost:" + port);
        assertThat(http.post("/api/v1/partners", DevTokens.mint("admin", List.of("ADMIN"), null),
                "{\"partnerId\": \"P-O1\", \"name\": \"O\", \"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}")
                .status()).isEqualTo(201);
        String partner = DevTokens.mint("u", List.of("PARTNER"), "P-O1");
        assertThat(submit(http, partner).status()).isEqualTo(201);

        postgres.stop();

        long start = System.nanoTime();
        HttpApi.Answer duringOutage = submit(http, partner);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(duringOutage.status()).as(duringOutage.raw()).isEqualTo(503);
        assertThat(duringOutage.contentType()).startsWith("application/problem+json");
        assertThat(duringOutage.body().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(duringOutage.headers()).containsKey("retry-after");
        assertThat(tookMs).as("answers promptly instead of hanging").isLessThan(15_000);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(503);

        postgres.restart();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        assertThat(submit(http, partner).status()).isEqualTo(201);
    }

    static HttpApi.Answer submit(HttpApi http, String token) {
        return http.post("/api/v1/registrations", token, """
                {"customer": {"legalName": "Outage", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30)));
    }
}

package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health (its status), and in the local profile the API docs, are public; everything else is closed by default. */
class OperationsIT extends QueryServiceITBase {

    @Test
    void healthReportsTheDatabaseAndKafkaToOperators() {
        var answer = http.get("/actuator/health", token("METRICS"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode health = answer.body();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("details").get("database").asText())
                .isEqualTo("PostgreSQL");
        assertThat(health.get("components").get("kafka").get("status").asText()).isEqualTo("UP");
        var readiness = http.get("/actuator/health/readiness", token("ADMIN"));
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void apiDocsArePublicInTheLocalProfile() {
        var docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/registrations")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/audit/events")).isTrue();

        Http.Response ui = http.get("/swagger-ui.html", null, "text/html");
        assertThat(ui.status()).isEqualTo(302);
        assertThat(ui.location()).isEqualTo("/swagger-ui/index.html");
        assertThat(http.get(ui.location(), null, "text/html").status()).isEqualTo(200);
    }

    @Test
    void unlistedEndpointsAreClosed() {
        assertThat(http.get("/api/v1/whatever", token("ADMIN")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/whatever", null).status()).isEqualTo(401);
    }
}

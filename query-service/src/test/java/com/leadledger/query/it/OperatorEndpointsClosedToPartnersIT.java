package com.leadledger.query.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and health details are side channels: an ingest counter tells a partner whether someone registered the same
 * customer before, health names the data path and the Kafka cluster. Anonymous callers and partners get the health
 * status only; metrics and build info need an ADMIN or METRICS token.
 */
class OperatorEndpointsClosedToPartnersIT extends QueryServiceITBase {

    @Test
    void anonymousCallersAndPartnersSeeOnlyTheHealthStatus() {
        for (String caller : new String[] {null, partnerToken("P-SIDE-1")}) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                var answer = http.get(probe, caller);
                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).isEqualTo(json("{\"status\":\"UP\"}"));
            }
            // Spring Boot names the probe groups beside the status; no component, no detail.
            var answer = http.get("/actuator/health", caller);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(json("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}"));
        }
    }

    @Test
    void operatorsSeeTheHealthComponents() {
        for (String role : List.of("ADMIN", "METRICS")) {
            JsonNode health = http.get("/actuator/health", token(role)).body();
            assertThat(health.at("/components/db/status").asText()).as(role).isEqualTo("UP");
            assertThat(health.at("/components/kafka/status").asText()).as(role).isEqualTo("UP");
        }
    }

    @Test
    void metricsAndInfoNeedAnAdminOrMetricsToken() {
        for (String path : List.of("/actuator/prometheus", "/actuator/info")) {
            assertThat(http.get(path, null, "*/*").status()).as(path + " anonymous").isEqualTo(401);
            assertThat(http.get(path, partnerToken("P-SIDE-1"), "*/*").status()).as(path + " partner").isEqualTo(403);
            assertThat(http.get(path, token("AUDITOR"), "*/*").status()).as(path + " auditor").isEqualTo(403);
            assertThat(http.get(path, token("METRICS"), "*/*").status()).as(path + " metrics").isEqualTo(200);
            assertThat(http.get(path, token("ADMIN"), "*/*").status()).as(path + " admin").isEqualTo(200);
        }
        assertThat(http.get("/actuator/prometheus", token("METRICS"), "text/plain").text())
                .contains("leadledger_ingest_events_total");
    }

    @Test
    void aMetricsTokenReadsNothingOfTheApi() {
        assertThat(http.get("/api/v1/registrations", token("METRICS")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/audit/events", token("METRICS")).status()).isEqualTo(403);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

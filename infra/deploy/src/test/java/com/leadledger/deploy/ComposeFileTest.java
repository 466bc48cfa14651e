package com.leadledger.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/deploy/compose.yaml} is read as YAML and checked against the services' own configuration, the same
 * things as the Kubernetes manifests (there is no Compose model library).
 */
class ComposeFileTest {

    private final LeadLedgerServices services = LeadLedgerServices.read();
    private final ComposeFileCheck check = new ComposeFileCheck(services);

    @Test
    void theComposeFileMatchesWhatTheServicesCodeSays() {
        JsonNode compose = compose();

        assertThat(compose.path("services").propertyNames()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(check.problems(compose)).isEmpty();
    }

    @Test
    void driftFromTheCodeIsReported() {
        JsonNode compose = compose();
        ObjectNode command = (ObjectNode) compose.path("services").path("command-service");
        ((ObjectNode) command.path("environment")).put("LEADLEDGER_JWKS_URL", "https://login.example.com/certs");
        ((ArrayNode) command.path("healthcheck").path("test")).removeAll()
                .add("CMD-SHELL").add("curl -f localhost:8081/actuator/health");
        ((ObjectNode) command.path("depends_on")).remove("kafka");
        ObjectNode query = (ObjectNode) compose.path("services").path("query-service");
        ((ObjectNode) query.path("environment")).remove("LEADLEDGER_JWT_JWKS_URI");
        ((ObjectNode) query.path("environment")).put("LEADLEDGER_COMMAND_URL", "http://command:8081");
        ((ArrayNode) query.path("ports")).removeAll().add("8082:8080");

        assertThat(check.problems(compose)).containsExactlyInAnyOrder(
                "service command-service: sets LEADLEDGER_JWKS_URL, which command-service does not read",
                "service command-service: its healthcheck is [CMD-SHELL, curl -f localhost:8081/actuator/health], not "
                        + "the image's own [CMD, /workspace/health-check] (the image has no shell or curl)",
                "service command-service: does not wait for kafka to be healthy (depends_on)",
                "service query-service: does not set LEADLEDGER_JWT_JWKS_URI, which query-service needs outside the "
                        + "local profile",
                "service query-service: LEADLEDGER_COMMAND_URL is http://command:8081, not "
                        + "http://command-service:8081",
                "service query-service: publishes [8080], not query-service's port 8082",
                "service query-service: publishes 8080, on which query-service does not listen");
    }

    private static JsonNode compose() {
        return new YAMLMapper().readTree(RepositoryFiles.text("infra/deploy/compose.yaml"));
    }
}

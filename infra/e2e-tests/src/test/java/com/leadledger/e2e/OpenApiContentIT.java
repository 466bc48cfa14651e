package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API contract promises of both served OpenAPI documents beyond the linter's rules: the document's title,
 * version, description, contact and licence; the bearer JWT scheme; a declared tag, a summary and a description on
 * every operation; every error answer as {@code application/problem+json} naming the codes it may carry; an example
 * for every request body.
 */
class OpenApiContentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void theCommandDocumentKeepsTheContract() {
        assertContract(ServedDocuments.read(ServedDocuments.fetch(LeadLedgerSystem.get().commandApi,
                "command-service")));
    }

    @Test
    void theQueryDocumentKeepsTheContract() {
        assertContract(ServedDocuments.read(ServedDocuments.fetch(LeadLedgerSystem.get().queryApi,
                "query-service")));
    }

    private static void assertContract(JsonNode document) {
        JsonNode info = document.path("info");
        for (String member : List.of("title", "version", "description")) {
            assertThat(info.path(member).asText()).as("info." + member).isNotBlank();
        }
        assertThat(info.path("contact").path("email").asText()).as("info.contact.email").isNotBlank();
        assertThat(info.path("license").path("name").asText()).as("info.license.name").isNotBlank();
        JsonNode bearer = document.path("components").path("securitySchemes").path("bearerAuth");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));

        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    checkOperation(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue(), tags,
                            document, broken);
                }
            }
        }
        assertThat(broken).as("operations that break the contract").isEmpty();
    }

    private static void checkOperation(String name, JsonNode operation, Set<String> tags, JsonNode document,
                                       List<String> broken) {
        if (operation.path("summary").asText().isBlank() || operation.path("description").asText().isBlank()) {
            broken.add(name + ": no summary or description");
        }
        if (operation.path("tags").isEmpty()) {
            broken.add(name + ": no tag");
        }
        operation.path("tags").forEach(tag -> {
            if (!tags.contains(tag.asText())) {
                broken.add(name + ": tag " + tag.asText() + " is not declared");
            }
        });
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if (!status.equals("204") && !status.equals("202") && content.isEmpty()) {
                    broken.add(name + ": " + status + " without a media type");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                List<String> types = new ArrayList<>();
                content.fieldNames().forEachRemaining(types::add);
                if (!types.equals(List.of("application/problem+json"))) {
                    broken.add(name + ": " + status + " answers " + types);
                }
                if (response.getValue().path("x-problem-codes").isEmpty()) {
                    broken.add(name + ": " + status + " names no problem code");
                }
            }
        }
        if (!success) {
            broken.add(name + ": no success answer");
        }
        for (Map.Entry<String, JsonNode> body : operation.path("requestBody").path("content").properties()) {
            if (!hasExample(body.getValue(), document)) {
                broken.add(name + ": the " + body.getKey() + " request body has no example");
            }
        }
    }

    private static boolean hasExample(JsonNode mediaType, JsonNode document) {
        if (mediaType.has("example") || !mediaType.path("examples").isEmpty()) {
            return true;
        }
        JsonNode schema = mediaType.path("schema");
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            schema = document.path("components").path("schemas").path(name);
        }
        return schema.has("example");
    }
}

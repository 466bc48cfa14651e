package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.HttpApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI documents the running services serve, and the committed copies the Java client is generated from
 * ({@code src/test/openapi/<service>.json}). Served documents are written, in the committed copies' format, to
 * {@code target/openapi/<service>.json}.
 */
final class ServedDocuments {

    static final Path MODULE = ProjectPaths.root().resolve("infra/e2e-tests");
    static final Path COMMITTED = MODULE.resolve("src/test/openapi");
    static final Path SERVED = MODULE.resolve("target/openapi");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ServedDocuments() {
    }

    /** Fetches {@code /v3/api-docs} from the service and writes it under {@link #SERVED}. */
    static Path fetch(HttpApi service, String name) {
        HttpApi.Answer answer = service.get("/v3/api-docs", null);
        if (answer.status() != 200) {
            throw new IllegalStateException(name + " answered " + answer.status() + " for /v3/api-docs: "
                    + answer.raw());
        }
        try {
            Files.createDirectories(SERVED);
            Path file = SERVED.resolve(name + ".json");
            Files.writeString(file, format(answer.body()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON pointers where the two documents differ, at most {@code limit} of them. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> found = new ArrayList<>();
        collectDifferences("", expected, actual, found, limit);
        return found;
    }

    private static void collectDifferences(String pointer, JsonNode expected, JsonNode actual, List<String> found,
                                           int limit) {
        if (found.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String member = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name) || !actual.has(name)) {
                    found.add(member + (expected.has(name) ? " is no longer served" : " is new"));
                } else {
                    collectDifferences(member, expected.get(name), actual.get(name), found, limit);
                }
                if (found.size() >= limit) {
                    return;
                }
            }
            return;
        }
        found.add(pointer + ": " + abbreviated(expected) + " is now " + abbreviated(actual));
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** Members sorted by name, indented, with a final newline: a stable text to commit and compare. */
    static String format(JsonNode document) throws IOException {
        Object sorted = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }
}

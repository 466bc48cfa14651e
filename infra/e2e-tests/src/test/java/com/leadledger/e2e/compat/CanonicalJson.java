package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Answers in the form they are kept and compared: object members sorted by name, and without the members whose value
 * depends on the moment they are read rather than on the stored events (the same names wherever they occur).
 * Everything the events determine stays, request and correlation ids in the events' metadata included.
 */
final class CanonicalJson {

    /** Member name → why its value differs between two reads of the same history. */
    static final Map<String, String> VOLATILE_MEMBERS = Map.of(
            "age", "a dispute's age runs until now while it is open",
            "ageSeconds", "the same age in seconds",
            "slaBreached", "whether an SLA due time has passed, by the reader's wall clock",
            "receivedAt", "when the query side stored its copy of an event: a replay receives every event anew",
            "verifiedAt", "when a verification of the copy ran",
            "durationMs", "how long that verification took",
            "readAt", "when the command side's heads were read");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CanonicalJson() {
    }

    static JsonNode of(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = NODES.objectNode();
            for (String name : names) {
                if (!VOLATILE_MEMBERS.containsKey(name)) {
                    sorted.set(name, of(node.get(name)));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode();
            node.forEach(item -> items.add(of(item)));
            return items;
        }
        return node;
    }
}

package com.leadledger.console.audit;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event's payload as a list of facts, each value under its path ({@code customer.legalName}, {@code points}): what
 * the history page shows as the event's summary. Objects nested deeper than {@link #DEPTH} levels (a policy document's
 * tiers) are shown as compact JSON, shortened to {@link #LONGEST} characters.
 */
public final class EventFacts {

    /** One value of the payload and its path. */
    public record Fact(String path, String value) {
    }

    static final int DEPTH = 2;
    static final int LONGEST = 200;

    private EventFacts() {
    }

    static List<Fact> of(JsonNode payload) {
        List<Fact> facts = new ArrayList<>();
        if (payload != null && payload.isObject()) {
            collect("", payload, 1, facts);
        }
        return List.copyOf(facts);
    }

    private static void collect(String prefix, JsonNode object, int depth, List<Fact> facts) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String path = prefix + member.getKey();
            JsonNode value = member.getValue();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (value.isObject() && depth < DEPTH) {
                collect(path + ".", value, depth + 1, facts);
            } else if (value.isArray() && allScalar(value)) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString()));
                facts.add(new Fact(path, String.join(", ", items)));
            } else if (value.isContainer()) {
                facts.add(new Fact(path, shortened(value.toString())));
            } else {
                facts.add(new Fact(path, value.asString()));
            }
        }
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainer()) {
                return false;
            }
        }
        return true;
    }

    private static String shortened(String json) {
        return json.length() <= LONGEST ? json : json.substring(0, LONGEST - 1) + "…";
    }
}

package com.leadledger.console.program;

import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scorecard as the page shows it: the fixed fields, the parts the console knows (tier, points, rebates, the
 * early-registration part with its quarters) bound to their fields, and every other part the service may run as its
 * figures flattened to {@code name: value} lines, so that a part added later shows without a console change.
 *
 * @param tier     the tier part, null when the service runs no such part
 * @param points   the points part, null when the service runs no such part
 * @param rebates  the rebates part, null when the service runs no such part
 * @param early    the early-registration part's figures, empty when the service runs no such part
 * @param quarters the early-registration part's quarters, oldest first
 * @param parts    every other part by name, each its figures as (dotted name, value) in the answer's order
 */
record ScorecardPage(String partnerId, Instant asOf, Object policyVersion, TierPart tier, PointsPart points,
                     RebatesPart rebates, Map<String, Object> early, List<Map<String, Object>> quarters,
                     Map<String, List<Figure>> parts) {

    static final String EARLY = "earlyRegistration";
    private static final List<String> FIXED = List.of("partnerId", "asOf", "policyVersion");
    private static final List<String> BOUND = List.of("tier", "points", "rebates", EARLY);

    /** One figure of a part: its dotted name within the part ({@code next.requirements[0].progress}) and value. */
    record Figure(String name, String value) {
    }

    @SuppressWarnings("unchecked")
    static ScorecardPage of(Map<String, Object> answer, JsonMapper json) {
        Map<String, Object> early = new LinkedHashMap<>();
        List<Map<String, Object>> quarters = new ArrayList<>();
        if (answer.get(EARLY) instanceof Map<?, ?> part) {
            part.forEach((name, value) -> {
                if ("quarters".equals(name) && value instanceof List<?> list) {
                    list.forEach(q -> quarters.add((Map<String, Object>) q));
                } else {
                    early.put(String.valueOf(name), value);
                }
            });
        }
        Map<String, List<Figure>> parts = new LinkedHashMap<>();
        answer.forEach((name, value) -> {
            if (!FIXED.contains(name) && !BOUND.contains(name)) {
                List<Figure> figures = new ArrayList<>();
                flatten("", value, figures);
                parts.put(name, figures);
            }
        });
        Object asOf = answer.get("asOf");
        return new ScorecardPage(String.valueOf(answer.get("partnerId")),
                asOf == null ? null : Instant.parse(asOf.toString()), answer.get("policyVersion"),
                part(answer, "tier", TierPart.class, json), part(answer, "points", PointsPart.class, json),
                part(answer, "rebates", RebatesPart.class, json), early, quarters, parts);
    }

    private static <T> T part(Map<String, Object> answer, String name, Class<T> type, JsonMapper json) {
        Object value = answer.get(name);
        return value == null ? null : json.convertValue(value, type);
    }

    private static void flatten(String prefix, Object value, List<Figure> figures) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> flatten(prefix.isEmpty() ? String.valueOf(name) : prefix + "." + name,
                    inner, figures));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), figures);
            }
        } else {
            figures.add(new Figure(prefix.isEmpty() ? "value" : prefix, value == null ? "—" : value.toString()));
        }
    }
}

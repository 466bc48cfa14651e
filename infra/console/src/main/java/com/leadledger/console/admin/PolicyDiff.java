package com.leadledger.console.admin;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A readable difference between two policy documents: each document flattened to its leaves by JSON path
 * ({@code tiers.GOLD.maxDiscountPercent}, {@code productLines[2].code}), then every path whose value differs, in path
 * order, with its value before and after (null where the path is only in one of them).
 */
public record PolicyDiff(long from, long to, List<Row> rows) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public record Row(String path, Kind kind, String before, String after) {
    }

    public PolicyDiff {
        rows = List.copyOf(rows);
    }

    static PolicyDiff between(long from, JsonNode before, long to, JsonNode after) {
        Map<String, String> left = flatten(before);
        Map<String, String> right = flatten(after);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<Row> rows = new ArrayList<>();
        for (String path : paths) {
            String was = left.get(path);
            String is = right.get(path);
            if (was == null) {
                rows.add(new Row(path, Kind.ADDED, null, is));
            } else if (is == null) {
                rows.add(new Row(path, Kind.REMOVED, was, null));
            } else if (!was.equals(is)) {
                rows.add(new Row(path, Kind.CHANGED, was, is));
            }
        }
        return new PolicyDiff(from, to, rows);
    }

    /** Every leaf (and empty container) of the document by its path. */
    static Map<String, String> flatten(JsonNode document) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", document, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path.isEmpty() ? "$" : path, node.isString() ? node.asString() : node.toString());
        }
    }
}

package com.leadledger.kit.csv;

import tools.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a CSV list: the item's members in declaration order, nested records flattened with dotted names
 * ({@code customer.legalName}); lists, maps and free-form JSON stay one column holding their compact JSON. When the
 * declared item type is a record, the columns come from it, so every answer of an endpoint has the same columns
 * whatever its rows hold; otherwise (an endpoint answering different item types by role) they are the union of the
 * rows' members in the order first met.
 */
final class CsvColumns {

    private CsvColumns() {
    }

    static List<String> of(Type pageType, List<JsonNode> rows) {
        Class<?> item = itemType(pageType);
        if (item != null && item.isRecord()) {
            List<String> columns = new ArrayList<>();
            addRecord(item, "", columns);
            return columns;
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> addTree(row, "", columns));
        return new ArrayList<>(columns);
    }

    private static Class<?> itemType(Type pageType) {
        if (pageType instanceof ParameterizedType page && page.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return null;
    }

    private static void addRecord(Class<?> type, String prefix, List<String> columns) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> member = component.getType();
            String name = prefix + component.getName();
            if (member.isRecord() && !Map.class.isAssignableFrom(member)) {
                addRecord(member, name + ".", columns);
            } else {
                columns.add(name);
            }
        }
    }

    private static void addTree(JsonNode node, String prefix, Set<String> columns) {
        node.properties().forEach(member -> {
            String name = prefix + member.getKey();
            if (member.getValue().isObject() && !member.getValue().isEmpty()) {
                addTree(member.getValue(), name + ".", columns);
            } else {
                columns.add(name);
            }
        });
    }
}

package com.leadledger.kit.csv;

import tools.jackson.databind.JsonNode;

/**
 * One cell's text: the member at a dotted column name as the JSON answer would hold it (a string, a number written
 * plainly, a boolean; a list or an object as compact JSON; nothing for null or absent). A cell a spreadsheet would evaluate, one starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, gets a leading apostrophe, as OWASP's
 * CSV-injection guidance recommends, so that it is shown as text and never run.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(JsonNode row, String column) {
        JsonNode node = row;
        for (String name : column.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isNumber()) { // plainly, as the JSON answer writes it: 10, never the tree's normalised 1E+1
            return neutralised(node.decimalValue().toPlainString());
        }
        return neutralised(node.isValueNode() ? node.asString() : node.toString());
    }

    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}

package com.leadledger.kit.domain;

/**
 * One failing field of a request: its JSON path (e.g. {@code customer.taxId}), what is wrong in words, and the
 * machine-readable rule it broke (e.g. {@code TAX_ID_CHECKSUM}).
 */
public record FieldProblem(String field, String message, String rule) {

    public FieldProblem(String field, String message) {
        this(field, message, "INVALID");
    }
}

package com.leadledger.command.common;

import org.axonframework.common.AxonNonTransientException;

import java.util.Map;

/**
 * A command refused by a business rule. Non-transient, so the command gateway never retries it; the HTTP edge turns
 * it into problem+json with {@link #code()} and the {@link #kind()}'s status.
 */
public class RuleViolation extends AxonNonTransientException {

    public enum Kind { NOT_FOUND, CONFLICT, FORBIDDEN, INVALID }

    private final Kind kind;
    private final String code;
    private final transient Map<String, Object> details;

    public RuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public RuleViolation(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}

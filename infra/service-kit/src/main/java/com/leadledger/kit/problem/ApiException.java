package com.leadledger.kit.problem;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A refusal that the caller gets as problem+json with a machine-readable {@code code}. {@code properties} adds
 * extra members (for example the caller's own conflicting registration id).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of(), Map.of());
    }

    public ApiException(HttpStatus status, String code, String detail, List<FieldProblem> errors,
                        Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public static ApiException badField(String code, String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, List.of(new FieldProblem(field, message)),
                Map.of());
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

package com.leadledger.console.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An RFC 7807 problem the API answered, with its machine-readable code and field errors. */
public record Problem(int status, String code, String title, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The messages per field (several joined), for rendering next to each field. */
    public Map<String, String> byField() {
        return errors.stream().filter(e -> e.field() != null).collect(Collectors.toMap(FieldError::field,
                FieldError::message, (a, b) -> a + "; " + b));
    }

    /** What to show at the top of a form: the detail, else the title. */
    public String summary() {
        return Optional.ofNullable(detail).filter(d -> !d.isBlank()).orElse(title);
    }
}

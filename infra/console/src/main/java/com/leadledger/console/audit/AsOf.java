package com.leadledger.console.audit;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The {@code asOf} parameter of the auditors' pages: an ISO-8601 instant, or none. */
final class AsOf {

    private AsOf() {
    }

    /** A malformed instant is refused as the API refuses it: 400, naming the field. */
    static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException malformed) {
            String message = "must be an ISO-8601 UTC instant such as 2026-12-01T09:30:00Z";
            throw new ApiProblem(new Problem(400, "VALIDATION_FAILED", "Invalid request", message,
                    List.of(new Problem.FieldError("asOf", message))));
        }
    }
}

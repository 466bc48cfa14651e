package com.leadledger.kit.web;

import com.leadledger.kit.domain.RuleViolation;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Validates {@code ?asOf=}, the instant a read is computed as of: an ISO-8601 UTC instant, not in the future; now when
 * absent or blank. Anything else is a {@code VALIDATION_FAILED} problem naming the field {@code asOf}.
 */
public final class AsOfParameter {

    /** The query parameter's name, also the field a problem names. */
    public static final String FIELD = "asOf";

    private AsOfParameter() {
    }

    /** The requested instant: {@code now} when absent; refused when unparsable or after {@code now}. */
    public static Instant of(String asOf, Instant now) {
        if (asOf == null || asOf.isBlank()) {
            return now;
        }
        Instant at;
        try {
            at = Instant.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField(FIELD, "must be an ISO-8601 UTC instant such as 2026-12-01T09:30:00Z");
        }
        if (at.isAfter(now)) {
            throw RuleViolation.invalidField(FIELD, "must not be in the future");
        }
        return at;
    }
}

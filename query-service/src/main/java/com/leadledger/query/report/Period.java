package com.leadledger.query.report;

import com.leadledger.kit.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period a report covers, {@code from} inclusive to {@code to} exclusive, seen as of {@code asOf}: only events
 * stored at or before {@code asOf} count. {@code from} defaults to the beginning of the log, {@code asOf} to now and
 * {@code to} to {@code asOf}. Each bound is an ISO-8601 UTC instant or a date (its start, UTC).
 */
record Period(Instant from, Instant to, Instant asOf) {

    static Period of(String from, String to, String asOf, Instant now) {
        Instant at = asOf == null || asOf.isBlank() ? now : parse("asOf", asOf);
        Instant start = from == null || from.isBlank() ? Instant.EPOCH : parse("from", from);
        Instant end = to == null || to.isBlank() ? at : parse("to", to);
        if (!start.isBefore(end)) {
            throw RuleViolation.invalidField("to", "must be after from");
        }
        return new Period(start, end, at);
    }

    boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant parse(String field, String value) {
        String text = value.trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalidField(field,
                    "must be an ISO-8601 UTC instant such as 2026-12-01T09:30:00Z, or a date such as 2026-12-01");
        }
    }
}

package com.leadledger.kit.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one vocabulary of refusals: a request or command that breaks a rule, with a machine-readable {@link #code()},
 * the {@link Kind} of refusal, the failing fields (if any) and extra members for the caller (for example its own
 * conflicting registration id). Thrown by aggregates, command handlers and read-side controllers alike; mapped to
 * problem+json in exactly one place (the service kit's {@code ProblemAdvice}). Plain Java, so domain code can throw
 * it without depending on any web class.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal this is; each kind has one HTTP status (400, 404, 403, 409, 429). */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, TOO_MANY_REQUESTS }

    /** The code of every refusal that names failing fields of the input. */
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final Kind kind;
    private final String code;
    private final transient List<FieldProblem> errors;
    private final transient Map<String, Object> details;
    private final Duration retryAfter;

    public RuleViolation(Kind kind, String code, String message) {
        this(kind, code, message, List.of(), Map.of());
    }

    public RuleViolation(Kind kind, String code, String message, Map<String, Object> details) {
        this(kind, code, message, List.of(), details);
    }

    public RuleViolation(Kind kind, String code, String message, List<FieldProblem> errors,
                         Map<String, Object> details) {
        this(kind, code, message, errors, details, null);
    }

    private RuleViolation(Kind kind, String code, String message, List<FieldProblem> errors,
                          Map<String, Object> details, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.details = Map.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** Too many of these requests for now; the same request may succeed after {@code retryAfter}. */
    public static RuleViolation tooManyRequests(String code, String message, Map<String, Object> details,
                                                Duration retryAfter) {
        return new RuleViolation(Kind.TOO_MANY_REQUESTS, code, message, List.of(), details, retryAfter);
    }

    /** "{what} not found": also what a partner gets for somebody else's object. */
    public static RuleViolation notFound(String what) {
        return new RuleViolation(Kind.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    /** One failing field; the message is the whole detail. */
    public static RuleViolation invalidField(String field, String message) {
        return new RuleViolation(Kind.INVALID, VALIDATION_FAILED, message, List.of(new FieldProblem(field, message)),
                Map.of());
    }

    /** One failing field that broke the named rule (for example {@code DISCOUNT_ABOVE_TIER_MAXIMUM}). */
    public static RuleViolation invalidField(String field, String message, String rule) {
        return new RuleViolation(Kind.INVALID, VALIDATION_FAILED, "Field '" + field + "' " + message + ".",
                List.of(new FieldProblem(field, message, rule)), Map.of());
    }

    /** Several failing fields at once; nothing was recorded. */
    public static RuleViolation invalidFields(String detail, List<FieldProblem> errors) {
        return new RuleViolation(Kind.INVALID, VALIDATION_FAILED, detail, errors, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** How long the caller should wait before it tries again, when that is known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

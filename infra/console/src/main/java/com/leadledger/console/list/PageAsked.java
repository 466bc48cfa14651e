package com.leadledger.console.list;

import com.leadledger.console.api.Problem;

import java.util.List;

/**
 * {@code ?page=&size=} of a list the console pages itself because the API has no list endpoint for it (the policy
 * versions), judged by the API's own rules for its lists (page ≥ 0, size 1 to 200) and refused in the same words.
 */
public record PageAsked(int page, int size) {

    public static final int MAX_SIZE = 200;

    /** The page asked for; {@link Refused} with the API's kind of problem when a value breaks its rules. */
    public static PageAsked of(String page, String size, int defaultSize) {
        int p = number("page", page, 0);
        int s = number("size", size, defaultSize);
        if (p < 0) {
            throw refused("page", "must be 0 or greater");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw refused("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageAsked(p, s);
    }

    /** A value that breaks the rules, with the problem to show next to the list. */
    public static final class Refused extends RuntimeException {

        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private static int number(String field, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw refused(field, "must be a whole number");
        }
    }

    private static Refused refused(String field, String message) {
        return new Refused(new Problem(400, "VALIDATION_FAILED", "Invalid request", message,
                List.of(new Problem.FieldError(field, message))));
    }
}

package com.leadledger.command.common;

import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hamcrest matchers for refusals in aggregate fixtures. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind, String code) {
        return violation(kind, code, null);
    }

    /** @param details the exact details expected, or null to ignore them */
    public static Matcher<RuleViolation> violation(RuleViolation.Kind kind, String code, Map<String, Object> details) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.kind() == kind && v.code().equals(code) && (details == null || v.details().equals(details));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation " + kind + " " + code + (details == null ? "" : " " + details));
            }
        };
    }

    /** A refusal for now that tells the caller to retry after exactly {@code wait}. */
    public static Matcher<RuleViolation> retryingAfter(java.time.Duration wait) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.retryAfter().equals(java.util.Optional.of(wait));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RuleViolation to retry after " + wait);
            }
        };
    }

    /** A {@code VALIDATION_FAILED} refusal naming exactly these fields, each with the rule it broke, in this order. */
    public static Matcher<RuleViolation> invalidFields(Map<String, String> ruleByField) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.kind() == RuleViolation.Kind.INVALID && v.code().equals(RuleViolation.VALIDATION_FAILED)
                        && rulesByField(v).equals(new LinkedHashMap<>(ruleByField));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("VALIDATION_FAILED with field rules " + ruleByField);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation v, Description mismatch) {
                mismatch.appendText(v.kind() + " " + v.code() + " with field rules " + rulesByField(v));
            }
        };
    }

    /** One failing field and its rule. */
    public static Matcher<RuleViolation> invalidField(String field, String rule) {
        return invalidFields(Map.of(field, rule));
    }

    private static Map<String, String> rulesByField(RuleViolation v) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (FieldProblem problem : v.errors()) {
            rules.put(problem.field(), problem.rule());
        }
        return rules;
    }
}

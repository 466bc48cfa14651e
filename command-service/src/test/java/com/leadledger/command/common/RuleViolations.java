package com.leadledger.command.common;

import com.leadledger.kit.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

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
}

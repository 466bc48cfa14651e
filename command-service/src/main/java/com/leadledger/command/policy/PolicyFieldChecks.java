package com.leadledger.command.policy;

import com.leadledger.kit.domain.FieldProblem;

import java.math.BigDecimal;
import java.util.List;

/**
 * The field checks the policy rule classes share ({@link PolicyRules}, {@link TierPolicyRules},
 * {@link PointsPolicyRules}, {@link RebatePolicyRules}): each problem found is added to the list as
 * {@code POLICY_INVALID} naming the field.
 */
final class PolicyFieldChecks {

    static final String RULE = "POLICY_INVALID";
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private PolicyFieldChecks() {
    }

    /** A problem when {@code value} is outside {@code [min, max]}. */
    static void range(List<FieldProblem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(problems, field, "must be between " + min + " and " + max);
        }
    }

    /** A problem when the percentage {@code value} is missing or outside {@code [0, 100]}. */
    static void percent(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            add(problems, field, "must be between 0 and 100");
        }
    }

    /** A problem when {@code value} is missing or not more than 0. */
    static void positive(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            add(problems, field, "must be more than 0");
        }
    }

    static void add(List<FieldProblem> problems, String field, String message) {
        problems.add(new FieldProblem(field, message, RULE));
    }
}

package com.leadledger.console.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The scorecard's {@code tier} part as the query service answers it: the partner's tier and its benefits, the next
 * tier with each requirement (the partner's figure from the latest evaluation, the required one, met or not), and
 * that evaluation. {@code next} is null at the highest tier, {@code evaluation} before the first run.
 */
record TierPart(String tier, Long policyVersion, Benefits benefits, NextTier next, Evaluation evaluation) {

    record Benefits(Integer protectionDays, BigDecimal maxDiscountPercent, Integer extensionMaxCount,
                    Integer extensionMaxDays) {
    }

    /**
     * One rule of the next tier: {@code rule} names it ({@code minWonRevenue}, {@code minCertifiedSpecialists} with
     * its product line, {@code maxPenaltyPoints}, {@code minEarlyShare}); figures are null without an evaluation.
     */
    record Requirement(String rule, String productLine, BigDecimal required, BigDecimal actual, Boolean met,
                       BigDecimal progressPercent) {
    }

    record NextTier(String tier, Benefits benefits, List<Requirement> requirements) {

        NextTier {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }
    }

    record Evaluation(String evaluationId, Instant evaluatedAt, LocalDate runDate, String proposedTier) {
    }
}

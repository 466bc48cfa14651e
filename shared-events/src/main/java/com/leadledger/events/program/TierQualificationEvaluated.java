package com.leadledger.events.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * A qualification run evaluated the partner against the tiers of the policy in force, with every input figure: WON
 * revenue over the period {@code [periodFrom, periodTo)} per currency and converted into the program currency at the
 * rates of {@code policyVersion} (currencies without a rate there are listed per currency and count 0 converted),
 * specialists per product line certified on {@code runDate}, penalty points in force, and the early-registration
 * indicator ({@code earlyRegistrations} of {@code registrations} early by the policy's one definition, {@code PointsRules.EarlyRegistration};
 * {@code earlyShare} null without registrations). {@code proposedTier} is the highest tier by order whose every rule
 * the partner meets; it takes effect only when an admin confirms it.
 */
public record TierQualificationEvaluated(String partnerId, String evaluationId, String runId, LocalDate runDate,
                                         Instant periodFrom, Instant periodTo, long policyVersion, String currency,
                                         SortedMap<String, BigDecimal> wonRevenueByCurrency,
                                         BigDecimal wonRevenue, SortedMap<String, Integer> certifiedSpecialists,
                                         int penaltyPoints, int registrations, int earlyRegistrations,
                                         BigDecimal earlyShare, String currentTier, String proposedTier,
                                         Instant evaluatedAt) implements TierEvent {
}

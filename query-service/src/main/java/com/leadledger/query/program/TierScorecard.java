package com.leadledger.query.program;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.program.TierQualificationEvaluated;
import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.projection.Projector;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scorecard's {@code tier} part: the partner's tier as of {@code asOf} and its benefits, and the next tier by order
 * with each of its requirements, the partner's figure from its latest qualification evaluation at or before
 * {@code asOf}, and the progress towards it, under the policy in force at {@code asOf}. Only the partner's own stream
 * is read.
 */
@Component
class TierScorecard implements ScorecardSection {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** The approval and extension limits a tier gives its partners. */
    record Benefits(int protectionDays, BigDecimal maxDiscountPercent, int extensionMaxCount, int extensionMaxDays) {
    }

    /**
     * One rule of the next tier: {@code rule} is {@code minWonRevenue}, {@code minCertifiedSpecialists} (with its
     * {@code productLine}), {@code maxPenaltyPoints} or {@code minEarlyShare}; {@code actual}, {@code met} and
     * {@code progressPercent} (0-100, minimum rules only) are null without an evaluation.
     */
    record Requirement(String rule, String productLine, BigDecimal required, BigDecimal actual, Boolean met,
                       BigDecimal progressPercent) {
    }

    record NextTier(String tier, Benefits benefits, List<Requirement> requirements) {
    }

    /** The latest evaluation the figures come from. */
    record Evaluation(String evaluationId, Instant evaluatedAt, LocalDate runDate, String proposedTier) {
    }

    /** The part; {@code next} is null at the highest tier, {@code evaluation} before any run. */
    record TierPart(String tier, Long policyVersion, Benefits benefits, NextTier next, Evaluation evaluation) {
    }

    private final EventHistory history;

    TierScorecard(EventHistory history) {
        this.history = history;
    }

    @Override
    public String name() {
        return "tier";
    }

    @Override
    public Object of(String partnerId, Instant asOf) {
        PolicyPublished policy = history.policyInForceAt(asOf).orElse(null);
        return of(history.asOf(partnerId, asOf).stream().map(Projector.Step::event).toList(), policy);
    }

    /** The part from the partner's own events up to the instant, under {@code policy} (null: none published yet). */
    static TierPart of(List<LeadLedgerEvent> partnerEvents, PolicyPublished policy) {
        String tier = null;
        TierQualificationEvaluated latest = null;
        for (LeadLedgerEvent event : partnerEvents) {
            if (event instanceof PartnerOnboarded e) {
                tier = e.tier().name();
            } else if (event instanceof PartnerTierChanged e) {
                tier = e.tier().name();
            } else if (event instanceof TierQualificationEvaluated e) {
                latest = e;
            }
        }
        Evaluation evaluation = latest == null ? null : new Evaluation(latest.evaluationId(), latest.evaluatedAt(),
                latest.runDate(), latest.proposedTier());
        if (policy == null || tier == null) {
            return new TierPart(tier, policy == null ? null : policy.version(), null, null, evaluation);
        }
        PolicyDocument document = policy.policy();
        List<String> order = document.tiersInOrder();
        int at = order.indexOf(tier);
        NextTier next = null;
        if (at >= 0 && at + 1 < order.size()) {
            String name = order.get(at + 1);
            next = new NextTier(name, benefits(document, name),
                    requirements(document.tiers().get(name).qualification(), latest));
        }
        return new TierPart(tier, policy.version(), at < 0 ? null : benefits(document, tier), next, evaluation);
    }

    private static Benefits benefits(PolicyDocument policy, String tier) {
        PolicyDocument.TierRule rule = policy.tiers().get(tier);
        PolicyDocument.ExtensionRule extension = policy.extensionFor(tier);
        return new Benefits(rule.protectionDays(), rule.maxDiscountPercent(), extension.maxCount(),
                extension.maxDays());
    }

    private static List<Requirement> requirements(PolicyDocument.TierQualification rules,
                                                  TierQualificationEvaluated figures) {
        List<Requirement> requirements = new ArrayList<>();
        if (rules == null) {
            return requirements;
        }
        if (rules.minWonRevenue() != null) {
            requirements.add(atLeast("minWonRevenue", null, rules.minWonRevenue(),
                    figures == null ? null : figures.wonRevenue()));
        }
        for (Map.Entry<String, Integer> line : rules.minCertifiedSpecialists().entrySet()) {
            requirements.add(atLeast("minCertifiedSpecialists", line.getKey(), BigDecimal.valueOf(line.getValue()),
                    figures == null ? null
                            : BigDecimal.valueOf(figures.certifiedSpecialists().getOrDefault(line.getKey(), 0))));
        }
        if (rules.maxPenaltyPoints() != null) {
            BigDecimal actual = figures == null ? null : BigDecimal.valueOf(figures.penaltyPoints());
            requirements.add(new Requirement("maxPenaltyPoints", null, BigDecimal.valueOf(rules.maxPenaltyPoints()),
                    actual, actual == null ? null : actual.intValue() <= rules.maxPenaltyPoints(), null));
        }
        if (rules.minEarlyShare() != null) {
            requirements.add(figures != null && figures.earlyShare() == null
                    // no registrations in the period: no share, which the run counts as not met
                    ? new Requirement("minEarlyShare", null, rules.minEarlyShare(), null, false, BigDecimal.ZERO)
                    : atLeast("minEarlyShare", null, rules.minEarlyShare(), figures == null ? null
                            : figures.earlyShare()));
        }
        return requirements;
    }

    private static Requirement atLeast(String rule, String productLine, BigDecimal required, BigDecimal actual) {
        if (actual == null) {
            return new Requirement(rule, productLine, required, null, null, null);
        }
        BigDecimal progress = required.signum() == 0 ? HUNDRED
                : actual.multiply(HUNDRED).divide(required, 1, RoundingMode.DOWN).min(HUNDRED);
        return new Requirement(rule, productLine, required, actual, actual.compareTo(required) >= 0, progress);
    }
}

package com.leadledger.command.program;

import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.program.TierQualificationEvaluated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a qualification run evaluates one partner: its figures over the trailing 12 months before the run (in the
 * policy's time zone), and the highest tier by order whose every qualification rule they meet (else the lowest tier).
 */
public final class TierQualificationRules {

    private static final int SHARE_SCALE = 4;

    private TierQualificationRules() {
    }

    /** What a run of {@code runId} at {@code runAt} records for the partner under {@code policy}. */
    public static TierQualificationEvaluated evaluate(String partnerId, String evaluationId, String runId,
                                                      Instant runAt, PublishedPolicy policy, ProgramFacts facts,
                                                      Map<String, Integer> certifiedSpecialists, int penaltyPoints,
                                                      String currentTier) {
        PolicyDocument document = policy.policy();
        ZonedDateTime at = runAt.atZone(ZoneId.of(document.calendar().timeZone()));
        Instant from = at.minusMonths(12).toInstant();
        String currency = document.program() == null ? null : document.program().currency();
        TreeMap<String, BigDecimal> byCurrency = new TreeMap<>();
        BigDecimal converted = BigDecimal.ZERO;
        for (ProgramFacts.Deal deal : facts.wonBy(partnerId, from, runAt)) {
            Money value = deal.wonValue();
            byCurrency.merge(value.currency(), value.amount(), BigDecimal::add);
            if (document.program() != null) {
                converted = converted.add(document.program().inProgramCurrency(value).orElse(BigDecimal.ZERO));
            }
        }
        List<ProgramFacts.Deal> submitted = facts.submittedBy(partnerId, from, runAt);
        PointsRules.EarlyRegistration definition = PointsRules.EarlyRegistration.of(document);
        int early = (int) submitted.stream()
                .filter(deal -> definition.early(deal.submittedAt(), deal.expectedCloseDate())).count();
        BigDecimal earlyShare = submitted.isEmpty() ? null : BigDecimal.valueOf(early)
                .divide(BigDecimal.valueOf(submitted.size()), SHARE_SCALE, RoundingMode.HALF_UP);
        TreeMap<String, Integer> specialists = new TreeMap<>(certifiedSpecialists);
        String proposed = hasQualificationRules(document) ? proposedTier(document, converted, specialists,
                penaltyPoints, earlyShare) : currentTier;
        return new TierQualificationEvaluated(partnerId, evaluationId, runId, at.toLocalDate(), from, runAt,
                policy.version(), currency, byCurrency, converted, specialists, penaltyPoints, submitted.size(), early,
                earlyShare, currentTier, proposed, runAt);
    }

    /**
     * Whether any tier of the policy has qualification rules. Under a policy without any (one published before tiers
     * had them) a run measures the figures but proposes no change, rather than the lowest tier for everyone.
     */
    static boolean hasQualificationRules(PolicyDocument policy) {
        return policy.tiers().values().stream().anyMatch(rule -> rule != null && rule.qualification() != null);
    }

    /** The highest tier by order whose every rule the figures meet; the lowest tier when none is met. */
    static String proposedTier(PolicyDocument policy, BigDecimal wonRevenue, Map<String, Integer> specialists,
                               int penaltyPoints, BigDecimal earlyShare) {
        List<String> tiers = policy.tiersInOrder();
        for (int i = tiers.size() - 1; i >= 0; i--) {
            PolicyDocument.TierQualification rules = policy.tiers().get(tiers.get(i)).qualification();
            if (rules != null && rules.metBy(wonRevenue, specialists, penaltyPoints, earlyShare)) {
                return tiers.get(i);
            }
        }
        return tiers.get(0);
    }
}

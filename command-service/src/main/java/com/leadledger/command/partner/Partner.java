package com.leadledger.command.partner;

import com.leadledger.command.common.Links;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.program.ProgramFacts;
import com.leadledger.command.program.TierQualificationRules;
import com.leadledger.events.partner.PartnerContactsChanged;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.program.SpecialistCertificationWithdrawn;
import com.leadledger.events.program.SpecialistCertified;
import com.leadledger.events.program.TierQualificationEvaluated;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner in the channel program: its tier, the product lines it may register, whether it is active, the penalty
 * points upheld disputes gave it (at most one penalty per dispute in force), and its specialists' certifications.
 */
@Aggregate
class Partner {

    @AggregateIdentifier
    private String partnerId;
    private PartnerTier tier;
    private List<String> productLines;
    private boolean suspended;
    /** dispute id → penalty points in force for it. */
    private final Map<String, Integer> penalties = new HashMap<>();
    private int penaltyPoints;
    private List<PartnerContactsChanged.Contact> contacts = List.of();
    /** certification id → the certification, while not withdrawn. */
    private final Map<String, SpecialistCertified> certifications = new HashMap<>();
    private final Set<String> withdrawnCertifications = new HashSet<>();
    /** The latest qualification evaluation and its proposed tier, until confirmed, the tier changes or a suspension. */
    private String openEvaluationId;
    private String openProposedTier;

    Partner() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OnboardPartner command, Clock clock, Policies policies) {
        List<String> lines = knownProductLines(command.productLines(), policies, "productLines");
        requireTierInForce(command.tier(), policies);
        String webhook = Links.httpUrlOrNull(command.webhookUrl(), "webhookUrl");
        if (partnerId != null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_EXISTS",
                    "partner " + command.partnerId() + " is already onboarded");
        }
        apply(new PartnerOnboarded(command.partnerId(), command.name(), command.tier(), lines, webhook,
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangePartnerTier command, Clock clock, Policies policies) {
        requireTierInForce(command.tier(), policies);
        if (command.tier().equals(tier)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "NO_CHANGE", "the partner already has tier " + tier);
        }
        apply(new PartnerTierChanged(partnerId, tier, command.tier(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangePartnerProductLines command, Clock clock, Policies policies) {
        List<String> lines = knownProductLines(command.productLines(), policies, "productLines");
        if (lines.equals(productLines)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "NO_CHANGE",
                    "the partner is already authorized for exactly these product lines");
        }
        apply(new PartnerProductLinesChanged(partnerId, lines, clock.instant()));
    }

    @CommandHandler
    void handle(SuspendPartner command, Clock clock) {
        if (suspended) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_SUSPENDED", "the partner is already suspended");
        }
        apply(new PartnerSuspended(partnerId, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(ReinstatePartner command, Clock clock) {
        if (!suspended) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_ACTIVE", "the partner is not suspended");
        }
        apply(new PartnerReinstated(partnerId, command.note(), clock.instant()));
    }

    @CommandHandler
    void handle(PenalizePartner command, Clock clock) {
        if (command.points() < 1) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "PENALTY_NOT_POSITIVE",
                    "penalty points must be at least 1");
        }
        Integer inForce = penalties.get(command.disputeId());
        if (inForce != null && inForce == command.points()) {
            return; // already penalized for this dispute: effects are applied once
        }
        Instant now = clock.instant();
        if (inForce != null) {
            apply(new PartnerPenaltyReversed(partnerId, command.disputeId(), inForce, penaltyPoints - inForce, now));
        }
        apply(new PartnerPenalized(partnerId, command.disputeId(), command.points(),
                penaltyPoints + command.points(), now));
    }

    @CommandHandler
    void handle(ReversePenalty command, Clock clock) {
        Integer inForce = penalties.get(command.disputeId());
        if (inForce == null) {
            return; // nothing in force for this dispute: reversed already, or never penalized
        }
        apply(new PartnerPenaltyReversed(partnerId, command.disputeId(), inForce, penaltyPoints - inForce,
                clock.instant()));
    }

    @CommandHandler
    void handle(ChangePartnerContacts command, Clock clock) {
        if (command.actingPartnerId() != null && !command.actingPartnerId().equals(partnerId)) {
            throw RuleViolation.notFound("partner"); // another partner's contacts: "not yours" looks like "not found"
        }
        List<PartnerContactsChanged.Contact> requested = ChangePartnerContactsRules.validated(command.contacts())
                .stream().map(c -> new PartnerContactsChanged.Contact(c.email(), c.language())).toList();
        if (requested.equals(contacts)) {
            return; // the same list again (a retried request): nothing to record
        }
        apply(new PartnerContactsChanged(partnerId, requested, clock.instant()));
    }

    @CommandHandler
    void handle(CertifySpecialist command, Clock clock, Policies policies) {
        knownProductLines(List.of(command.productLine()), policies, "productLine");
        if (command.validFrom() == null || command.validUntil() == null
                || command.validUntil().isBefore(command.validFrom())) {
            throw RuleViolation.invalidField("validUntil", "must be on or after validFrom",
                    "CERTIFICATION_PERIOD_INVALID");
        }
        if (certifications.containsKey(command.certificationId())
                || withdrawnCertifications.contains(command.certificationId())) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "CERTIFICATION_EXISTS",
                    "certification " + command.certificationId() + " is already recorded");
        }
        apply(new SpecialistCertified(partnerId, command.certificationId(), command.productLine(),
                command.specialist(), command.validFrom(), command.validUntil(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawCertification command, Clock clock) {
        if (withdrawnCertifications.contains(command.certificationId())) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "CERTIFICATION_WITHDRAWN",
                    "certification " + command.certificationId() + " is already withdrawn");
        }
        if (!certifications.containsKey(command.certificationId())) {
            throw RuleViolation.notFound("certification");
        }
        apply(new SpecialistCertificationWithdrawn(partnerId, command.certificationId(), command.reason(),
                clock.instant()));
    }

    @CommandHandler
    void handle(EvaluateTierQualification command, Policies policies, ProgramFacts facts) {
        if (suspended) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_SUSPENDED",
                    "a suspended partner is not evaluated");
        }
        LocalDate runDate = command.runAt().atZone(ZoneId.of(policies.inForce().policy().calendar().timeZone()))
                .toLocalDate();
        apply(TierQualificationRules.evaluate(partnerId, command.evaluationId(), command.runId(), command.runAt(),
                policies.inForce(), facts, certifiedSpecialistsOn(runDate), penaltyPoints, tier.name()));
    }

    @CommandHandler
    void handle(ConfirmTierProposal command, Clock clock, Policies policies) {
        if (!command.evaluationId().equals(openEvaluationId)) {
            throw RuleViolation.notFound("open tier proposal"); // unknown, confirmed already, or superseded
        }
        PartnerTier confirmed = command.tier() == null ? PartnerTier.of(openProposedTier) : command.tier();
        requireTierInForce(confirmed, policies);
        String justification = command.justification() == null ? null : command.justification().strip();
        if (!confirmed.name().equals(openProposedTier) && (justification == null || justification.isEmpty())) {
            throw RuleViolation.invalidField("justification", "is required to confirm a tier other than the "
                    + "proposed " + openProposedTier, "JUSTIFICATION_REQUIRED");
        }
        if (confirmed.equals(tier)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "NO_CHANGE", "the partner already has tier " + tier);
        }
        apply(new PartnerTierChanged(partnerId, tier, confirmed, clock.instant(), command.evaluationId(),
                justification == null || justification.isEmpty() ? null : justification));
    }

    /** Product line → the distinct specialists certified for it and valid on {@code day} (withdrawn ones excluded). */
    Map<String, Integer> certifiedSpecialistsOn(LocalDate day) {
        Map<String, Set<String>> specialists = new TreeMap<>();
        certifications.values().stream().filter(c -> c.validOn(day)).forEach(c -> specialists
                .computeIfAbsent(c.productLine(), line -> new TreeSet<>()).add(c.specialist()));
        Map<String, Integer> counts = new TreeMap<>();
        specialists.forEach((line, names) -> counts.put(line, names.size()));
        return counts;
    }

    /** A tier is set only by a name the policy in force defines: its benefits and rules come from there. */
    static void requireTierInForce(PartnerTier tier, Policies policies) {
        var published = policies.inForce();
        if (tier == null || !published.policy().tiers().containsKey(tier.name())) {
            throw RuleViolation.invalidFields("Unknown tier " + tier,
                    List.of(new FieldProblem("tier", "must be one of the tiers of policy version " + published.version()
                            + ": " + published.policy().tiers().keySet(), "TIER_UNKNOWN")));
        }
    }

    /** The requested lines, sorted and without repeats, if the policy in force offers every one of them. */
    private static List<String> knownProductLines(List<String> requested, Policies policies, String field) {
        var catalogue = policies.inForce().policy().productLines().keySet();
        TreeSet<String> lines = new TreeSet<>(requested);
        List<String> unknown = lines.stream().filter(line -> !catalogue.contains(line)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.invalidFields("Unknown product lines " + unknown,
                    List.of(new FieldProblem(field, "must be among " + catalogue, "PRODUCT_LINE_UNKNOWN")));
        }
        return List.copyOf(lines);
    }

    @EventSourcingHandler
    void on(PartnerOnboarded event) {
        partnerId = event.partnerId();
        tier = event.tier();
        productLines = event.productLines();
    }

    @EventSourcingHandler
    void on(PartnerTierChanged event) {
        tier = event.tier();
        // any tier change, confirmed or set by hand, settles the open proposal: it was measured against the old tier
        openEvaluationId = null;
        openProposedTier = null;
    }

    @EventSourcingHandler
    void on(TierQualificationEvaluated event) {
        openEvaluationId = event.evaluationId();
        openProposedTier = event.proposedTier();
    }

    @EventSourcingHandler
    void on(PartnerProductLinesChanged event) {
        productLines = event.productLines();
    }

    @EventSourcingHandler
    void on(PartnerSuspended event) {
        suspended = true;
        openEvaluationId = null; // a suspended partner is not evaluated, and its open proposal lapses
        openProposedTier = null;
    }

    @EventSourcingHandler
    void on(PartnerReinstated event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(PartnerPenalized event) {
        penalties.put(event.disputeId(), event.points());
        penaltyPoints = event.totalPoints();
    }

    @EventSourcingHandler
    void on(PartnerContactsChanged event) {
        contacts = List.copyOf(event.contacts());
    }

    @EventSourcingHandler
    void on(SpecialistCertified event) {
        certifications.put(event.certificationId(), event);
    }

    @EventSourcingHandler
    void on(SpecialistCertificationWithdrawn event) {
        certifications.remove(event.certificationId());
        withdrawnCertifications.add(event.certificationId());
    }

    @EventSourcingHandler
    void on(PartnerPenaltyReversed event) {
        penalties.remove(event.disputeId());
        penaltyPoints = event.totalPoints();
    }
}

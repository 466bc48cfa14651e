package com.leadledger.command.dispute;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.partner.PartnerDirectory;
import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.command.registration.RegistrationDirectory;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeAssigned;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeEvidenceAdded;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.dispute.RulingEffects;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.Role;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.leadledger.command.dispute.DisputeLevels.TOP_LEVEL;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.FORBIDDEN;
import static com.leadledger.kit.domain.RuleViolation.Kind.INVALID;
import static com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One dispute and its way up the arbitration ladder: parties, evidence, level, SLA, assignment, rulings and the one
 * appeal. A partner that is not a party learns nothing, not even that the dispute exists. Only a decider of the current
 * level rules; a breached SLA escalates automatically through a persistent deadline. The effects of an upheld ruling
 * are carried out by {@link DisputeRulingEffects} on the aggregates they belong to. Time comes from the injected
 * {@link Clock}, rules from the injected {@link Policies}.
 */
@Aggregate
class Dispute {

    @AggregateIdentifier
    private String disputeId;
    private String opportunityId;
    private String complainantPartnerId;
    private String respondentPartnerId;
    private String respondentRegistrationId;
    private String respondentOpportunityId;
    /** Open: accepts evidence, escalation and a ruling. Closed from a ruling until an appeal reopens it. */
    private boolean open;
    private int level;
    private Instant slaDueAt;
    private String assignee;
    private boolean appealed;
    private Instant appealableUntil;
    /** party → the level it last escalated from: a party escalates once per level, never two levels at once. */
    private final Map<String, Integer> escalatedFromByParty = new HashMap<>();
    /** party → evidence items it added (the policy caps them per dispute). */
    private final Map<String, Integer> evidenceByParty = new HashMap<>();
    /** Who made the latest ruling: an appeal must be heard by someone else (a new panel at level 3). */
    private String lastDecidedBy;
    /** The effects of the latest ruling, which an appeal decision confirms or reverses. */
    private RulingEffects effectsInForce = RulingEffects.NONE;

    Dispute() {
        // for Axon
    }

    // ---------------------------------------------------------------- opening, evidence, respondent

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    DisputeLevel handle(OpenDispute command, Clock clock, Policies policies, RegistrationDirectory registrations,
                        PartnerDirectory partners, DeadlineManager deadlines) {
        if (command.complainantPartnerId() != null) {
            partners.requireNotSuspended(command.complainantPartnerId(), "open disputes");
        }
        DisputeAmounts amounts = DisputeInputs.amounts(command.amounts(),
                command.type() == DisputeType.PRICE_DUMPING);
        String disputedOpportunityId = disputedOpportunity(command, registrations);
        if (disputeId != null) {
            throw new RuleViolation(CONFLICT, "DISPUTE_ID_TAKEN", "dispute id " + command.disputeId()
                    + " is already used");
        }
        Instant now = clock.instant();
        PublishedPolicy policy = policies.inForce();
        Instant dueAt = DisputeLevels.slaDue(now, 1, policy);
        apply(new DisputeOpened(command.disputeId(), command.type(), disputedOpportunityId,
                command.registrationId(), command.complainantPartnerId(), command.openedByRole().name(),
                command.description(), amounts, 1, dueAt, now, policy.version(), command.dumpingFlagId()));
        deadlines.schedule(dueAt, DisputeSlaDeadline.NAME, new DisputeSlaDeadline(command.disputeId(), 1, dueAt));
        return new DisputeLevel(1, dueAt);
    }

    @CommandHandler
    void handle(AddEvidence command, Clock clock, Policies policies) {
        DisputeAmounts amounts = DisputeInputs.amounts(command.amounts(), false);
        List<EvidenceDocument> documents = DisputeInputs.documents(command.documents());
        requireVisibleTo(command.partnerId());
        requireOpen();
        int allowed = policies.inForce().policy().limits().evidencePerPartyPerDispute();
        if (command.partnerId() != null && evidenceByParty.getOrDefault(command.partnerId(), 0) >= allowed) {
            throw new RuleViolation(CONFLICT, "EVIDENCE_LIMIT_REACHED",
                    "You added " + allowed + " evidence items to this dispute, as many as the policy allows.");
        }
        apply(new DisputeEvidenceAdded(disputeId, command.evidenceId(), command.submittedBy(), command.partnerId(),
                command.description(), amounts, documents, clock.instant()));
    }

    @CommandHandler
    void handle(LinkRespondent command, Clock clock, PartnerDirectory partners,
                RegistrationDirectory registrations) {
        if (partners.find(command.respondentPartnerId()).isEmpty()) {
            throw RuleViolation.invalidField("partnerId", "is not a known partner", "PARTNER_UNKNOWN");
        }
        String respondentOpportunityId = command.respondentRegistrationId() == null ? null
                : registrations.find(command.respondentRegistrationId())
                .filter(r -> r.partnerId().equals(command.respondentPartnerId()))
                .map(RegistrationDirectory.FiledOn::opportunityId)
                .orElseThrow(() -> RuleViolation.invalidField("registrationId",
                        "must be a registration of the respondent partner", "NOT_RESPONDENTS_REGISTRATION"));
        requireOpen();
        if (command.respondentPartnerId().equals(complainantPartnerId)) {
            throw new RuleViolation(CONFLICT, "RESPONDENT_IS_COMPLAINANT",
                    "The complainant cannot be the respondent of its own dispute.");
        }
        if (effectsInForce.revokeRespondentProtection() || effectsInForce.penaltyPoints() > 0) {
            throw new RuleViolation(CONFLICT, "RESPONDENT_FIXED",
                    "A ruling in force acted on the respondent; the respondent can no longer be changed.");
        }
        if (command.respondentPartnerId().equals(respondentPartnerId)
                && Objects.equals(command.respondentRegistrationId(), respondentRegistrationId)) {
            throw new RuleViolation(CONFLICT, "NO_CHANGE", "This respondent is already linked.");
        }
        apply(new DisputeRespondentLinked(disputeId, command.respondentPartnerId(), command.respondentRegistrationId(),
                respondentOpportunityId, clock.instant()));
    }

    // ---------------------------------------------------------------- assignment and escalation

    @CommandHandler
    int handle(AssignDispute command, Clock clock) {
        requireOpen();
        Role actingRole = requireDecider(command.assignerRoles());
        if (command.assignee().equals(assignee)) {
            throw new RuleViolation(CONFLICT, "NO_CHANGE", "The dispute is already assigned to " + assignee + ".");
        }
        apply(new DisputeAssigned(disputeId, command.assignee(), level, command.assignedBy(), clock.instant()),
                actingAs(actingRole));
        return level;
    }

    @CommandHandler
    DisputeLevel handle(EscalateDispute command, Clock clock, Policies policies, PartnerDirectory partners,
                        DeadlineManager deadlines) {
        requireVisibleTo(command.partnerId());
        requireOpen();
        if (level >= TOP_LEVEL) {
            throw new RuleViolation(CONFLICT, "ALREADY_AT_TOP_LEVEL",
                    "The dispute is already before the arbitration committee, the top level.");
        }
        if (command.partnerId() != null) {
            partners.requireNotSuspended(command.partnerId(), "escalate disputes");
            Integer lastFrom = escalatedFromByParty.get(command.partnerId());
            if (lastFrom != null && lastFrom >= level - 1) {
                throw new RuleViolation(CONFLICT, "ALREADY_ESCALATED", lastFrom == level
                        ? "You already escalated this dispute at level " + level + "."
                        : "You escalated this dispute to level " + level + "; it must be heard there first.",
                        Map.of("level", level));
            }
        }
        Instant now = clock.instant();
        PublishedPolicy policy = policies.inForce();
        int next = level + 1;
        Instant dueAt = DisputeLevels.slaDue(now, next, policy);
        apply(new DisputeEscalated(disputeId, level, next, command.reason(), false, dueAt, now, policy.version(),
                command.partnerId()));
        deadlines.schedule(dueAt, DisputeSlaDeadline.NAME, new DisputeSlaDeadline(disputeId, next, dueAt));
        return new DisputeLevel(next, dueAt);
    }

    /** A level that let its SLA pass hands the dispute up; the top level keeps it. */
    @DeadlineHandler(deadlineName = DisputeSlaDeadline.NAME)
    void onSlaDeadline(DisputeSlaDeadline deadline, Policies policies, DeadlineManager deadlines) {
        boolean stale = !open || level != deadline.level() || !Objects.equals(slaDueAt, deadline.dueAt());
        if (stale || deadline.level() >= TOP_LEVEL) {
            return;
        }
        PublishedPolicy policy = policies.inForce();
        int next = deadline.level() + 1;
        Instant dueAt = DisputeLevels.slaDue(deadline.dueAt(), next, policy);
        apply(new DisputeEscalated(disputeId, deadline.level(), next, null, true, dueAt, deadline.dueAt(),
                policy.version(), null));
        deadlines.schedule(dueAt, DisputeSlaDeadline.NAME, new DisputeSlaDeadline(disputeId, next, dueAt));
    }

    // ---------------------------------------------------------------- ruling and appeal

    @CommandHandler
    RulingMade handle(RuleOnDispute command, Clock clock, Policies policies, RegistrationDirectory registrations) {
        requireNoEffectsWhenDismissed(command);
        if (command.rightfulRegistrationId() != null && registrations.find(command.rightfulRegistrationId())
                .filter(r -> r.opportunityId().equals(opportunityId)).isEmpty()) {
            throw RuleViolation.invalidField("rightfulRegistrationId",
                    "must be a registration of the dispute's opportunity", "NOT_ON_DISPUTED_OPPORTUNITY");
        }
        requireOpen();
        Role actingRole = requireDecider(command.deciderRoles());
        if (appealed && command.decidedBy().equals(lastDecidedBy)) {
            throw new RuleViolation(FORBIDDEN, "APPEAL_NEEDS_NEW_PANEL",
                    "You made the ruling under appeal; the appeal must be decided by someone else.");
        }
        RulingEffects effects = new RulingEffects(command.rightfulRegistrationId(),
                command.revokeRespondentProtection(), command.penaltyPoints());
        if (command.penaltyPoints() < 0) {
            throw new RuleViolation(INVALID, "PENALTY_NOT_POSITIVE", "Penalty points cannot be negative.");
        }
        if (effects.revokeRespondentProtection() && respondentRegistrationId == null) {
            throw new RuleViolation(CONFLICT, "NO_RESPONDENT_REGISTRATION",
                    "Revoking protection needs the respondent's registration to be linked first.");
        }
        if (effects.penaltyPoints() > 0 && respondentPartnerId == null) {
            throw new RuleViolation(CONFLICT, "NO_RESPONDENT",
                    "Penalty points need the respondent partner to be linked first.");
        }
        if (effects.revokeRespondentProtection()
                && Objects.equals(effects.rightfulRegistrationId(), respondentRegistrationId)) {
            throw new RuleViolation(INVALID, "CONTRADICTORY_EFFECTS",
                    "The respondent's registration cannot be both rightful and revoked.");
        }
        Instant now = clock.instant();
        PublishedPolicy policy = policies.inForce();
        Instant until = appealed ? null : now.plus(Duration.ofDays(policy.policy().appealWindowDays()));
        apply(new DisputeRuled(disputeId, opportunityId, level, command.outcome(), command.rationale(),
                effects.rightfulRegistrationId(), effects.revokeRespondentProtection(), effects.penaltyPoints(),
                respondentPartnerId, respondentRegistrationId, respondentOpportunityId, appealed,
                appealed ? effectsInForce : null, until, command.decidedBy(), actingRole.name(), now,
                policy.version(), command.partyStatement()), actingAs(actingRole));
        return new RulingMade(level, appealed, until, policy.version());
    }

    @CommandHandler
    DisputeLevel handle(AppealRuling command, Clock clock, Policies policies, DeadlineManager deadlines) {
        if (command.partnerId() == null) {
            throw new RuleViolation(FORBIDDEN, "ONLY_PARTIES_APPEAL", "Only a party to the dispute may appeal.");
        }
        requireVisibleTo(command.partnerId());
        if (appealed) {
            throw new RuleViolation(CONFLICT, "ALREADY_APPEALED", "The ruling was already appealed; there is no "
                    + "second appeal.");
        }
        if (open) {
            throw new RuleViolation(CONFLICT, "NOT_RULED_YET", "There is no ruling to appeal yet.");
        }
        Instant now = clock.instant();
        if (now.isAfter(appealableUntil)) {
            throw new RuleViolation(CONFLICT, "APPEAL_WINDOW_CLOSED",
                    "The ruling could be appealed until " + appealableUntil + ".",
                    Map.of("appealableUntil", appealableUntil.toString()));
        }
        PublishedPolicy policy = policies.inForce();
        int next = Math.min(level + 1, TOP_LEVEL);
        Instant dueAt = DisputeLevels.slaDue(now, next, policy);
        apply(new DisputeAppealed(disputeId, command.partnerId(), command.reason(), level, next, dueAt, now,
                policy.version()));
        deadlines.schedule(dueAt, DisputeSlaDeadline.NAME, new DisputeSlaDeadline(disputeId, next, dueAt));
        return new DisputeLevel(next, dueAt);
    }

    // ---------------------------------------------------------------- shared rules

    /** "Not a party" and "not found" must look the same to a partner; staff ({@code partnerId} null) see all. */
    private void requireVisibleTo(String partnerId) {
        if (partnerId != null && !partnerId.equals(complainantPartnerId) && !partnerId.equals(respondentPartnerId)) {
            throw new RuleViolation(NOT_FOUND, "NOT_FOUND", "dispute not found");
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new RuleViolation(CONFLICT, "DISPUTE_CLOSED", "The dispute is closed by a ruling.");
        }
    }

    /** The role the caller acts in here: the current level's decider role, which it must hold. */
    private Role requireDecider(Set<Role> callerRoles) {
        Role decider = DisputeLevels.deciderOf(level);
        if (!callerRoles.contains(decider)) {
            throw new RuleViolation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL",
                    "The dispute is at level " + level + "; only " + decider + " decides there.",
                    Map.of("level", level));
        }
        return decider;
    }

    /** The event records the role the decider acted in, whichever other roles its token carries. */
    private static MetaData actingAs(Role role) {
        return MetaData.with(CommandMetadata.ACTOR_ROLE, role.name());
    }

    /** A dismissed dispute has no effects; every effect it was given is named. */
    private static void requireNoEffectsWhenDismissed(RuleOnDispute command) {
        if (command.outcome() != DisputeOutcome.DISMISSED) {
            return;
        }
        List<FieldProblem> errors = new ArrayList<>();
        if (command.rightfulRegistrationId() != null) {
            errors.add(new FieldProblem("rightfulRegistrationId", "must be empty when DISMISSED",
                    "EFFECTS_ONLY_WHEN_UPHELD"));
        }
        if (command.revokeRespondentProtection()) {
            errors.add(new FieldProblem("revokeRespondentProtection", "must be false when DISMISSED",
                    "EFFECTS_ONLY_WHEN_UPHELD"));
        }
        if (command.penaltyPoints() > 0) {
            errors.add(new FieldProblem("penaltyPoints", "must be 0 when DISMISSED", "EFFECTS_ONLY_WHEN_UPHELD"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalidFields("A dismissed dispute has no effects.", errors);
        }
    }

    /**
     * The opportunity the complaint is about: that of the named registration, or the named opportunity. A partner
     * may name only its own registration, or an opportunity it registered.
     */
    private static String disputedOpportunity(OpenDispute command, RegistrationDirectory registrations) {
        String partnerId = command.complainantPartnerId();
        if (command.registrationId() == null && command.opportunityId() == null) {
            throw RuleViolation.invalidField("registrationId", "a registrationId or an opportunityId is required");
        }
        if (command.registrationId() == null) {
            if (!registrations.hasRegistrationOn(command.opportunityId(), partnerId)) {
                throw RuleViolation.notFound("opportunity");
            }
            return command.opportunityId();
        }
        var registration = registrations.find(command.registrationId())
                .filter(r -> partnerId == null || r.partnerId().equals(partnerId))
                .orElseThrow(() -> RuleViolation.notFound("registration"));
        if (command.opportunityId() != null && !command.opportunityId().equals(registration.opportunityId())) {
            throw RuleViolation.invalidField("opportunityId", "must be the opportunity of the named registration");
        }
        return registration.opportunityId();
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        opportunityId = event.opportunityId();
        complainantPartnerId = event.complainantPartnerId();
        open = true;
        level = event.level();
        slaDueAt = event.slaDueAt();
    }

    @EventSourcingHandler
    void on(DisputeRespondentLinked event) {
        respondentPartnerId = event.respondentPartnerId();
        respondentRegistrationId = event.respondentRegistrationId();
        respondentOpportunityId = event.respondentOpportunityId();
    }

    @EventSourcingHandler
    void on(DisputeEvidenceAdded event) {
        if (event.submittedByPartnerId() != null) {
            evidenceByParty.merge(event.submittedByPartnerId(), 1, Integer::sum);
        }
    }

    @EventSourcingHandler
    void on(DisputeAssigned event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(DisputeEscalated event) {
        if (event.escalatedByPartnerId() != null) {
            escalatedFromByParty.put(event.escalatedByPartnerId(), event.fromLevel());
        }
        level = event.level();
        slaDueAt = event.slaDueAt();
        assignee = null;
    }

    @EventSourcingHandler
    void on(DisputeRuled event) {
        open = false;
        appealableUntil = event.appealableUntil();
        lastDecidedBy = event.decidedBy();
        effectsInForce = event.effects();
    }

    @EventSourcingHandler
    void on(DisputeAppealed event) {
        open = true;
        appealed = true;
        level = event.level();
        slaDueAt = event.slaDueAt();
        assignee = null;
    }
}

package com.leadledger.query.dispute;

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
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.leadledger.query.projection.EventContract.required;

/**
 * One dispute as staff read it: parties, evidence, rulings, the effects carried out on other aggregates and a
 * timeline of everything that happened, each entry marked with who may see it. Immutable; {@link #PROJECTOR} maps the
 * dispute's own events and the effect events that name it (revocations, penalties, recorded rulings, support moves
 * and approvals citing it) to pure transitions, shared by the live projection, rebuilds and as-of views. The timeline
 * is in the order the command side stored the events (their global index), whatever order they arrive in: events of
 * different aggregates travel on different Kafka partitions.
 *
 * @param registrationId      the complainant's registration the dispute is about; null when none was named
 * @param complainantPartnerId null when staff opened the dispute
 * @param openedBy            the actor (token subject) who opened it
 * @param openedGlobalIndex   the opening event's place in the whole history: the opportunity's ranking "at the time
 *                            the dispute was opened" is its history before this index
 * @param slaDueAt            when the current level must rule; null while closed
 * @param assignee            the decider the dispute is assigned to at the current level; null when unassigned
 * @param respondent          whom staff linked; null until linked
 * @param appealed            whether the one appeal was used
 * @param appealableUntil     until when a party may appeal the last ruling; null while open or after an appeal ruling
 * @param dumpingFlagId       the possible-dumping flag staff opened it from; null otherwise
 */
@RecordBuilder
public record DisputeView(
        String disputeId,
        DisputeType type,
        Status status,
        int level,
        String opportunityId,
        String registrationId,
        String complainantPartnerId,
        String openedBy,
        String openedByRole,
        String description,
        DisputeAmounts amounts,
        Instant openedAt,
        long openedGlobalIndex,
        long policyVersion,
        Instant slaDueAt,
        String assignee,
        Respondent respondent,
        boolean appealed,
        Instant appealableUntil,
        List<Evidence> evidence,
        List<Ruling> rulings,
        List<TimelineEntry> timeline,
        Instant updatedAt,
        String lastEventId,
        String dumpingFlagId) implements DisputeViewBuilder.With {

    /** OPEN awaits a ruling at {@code level}; CLOSED was ruled (an appeal reopens it). */
    public enum Status { OPEN, CLOSED }

    public record Respondent(String partnerId, String registrationId, String opportunityId, Instant linkedAt) {
    }

    /** @param submittedByPartnerId null when staff submitted it */
    public record Evidence(String evidenceId, String submittedBy, String submittedByPartnerId, String description,
                           DisputeAmounts amounts, List<EvidenceDocument> documents, Instant addedAt) {
        public Evidence {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    /**
     * A ruling as recorded; the effects are what it ordered, carried out afterwards (see the timeline).
     *
     * @param rationale      the decider's reasoning, for staff and auditors only
     * @param partyStatement what the decider wrote for the parties; null when none
     */
    public record Ruling(int level, DisputeOutcome outcome, String rationale, String rightfulRegistrationId,
                         boolean revokeRespondentProtection, int penaltyPoints, boolean appeal,
                         Instant appealableUntil, String decidedBy, String decidedByRole, Instant decidedAt,
                         long policyVersion, String partyStatement) {
    }

    /** Who may read a timeline entry besides staff. */
    public enum Audience {
        /** Both parties (generic summary; the note only for {@code partnerId}, its author). */
        PARTIES,
        /** Only the partner {@code partnerId} (its own evidence, the effects on it). */
        PARTNER,
        /** Staff only. */
        STAFF
    }

    /**
     * One thing that happened. {@code summary} is generated from the event and never names a partner, a registration
     * or a person, so it may be shown to either party; {@code note} is free text (a reason, a description) shown to
     * staff and to its author {@code partnerId} only.
     *
     * @param globalIndex the event's place in the whole history: the timeline's order
     * @param partnerId   the partner that acted or is concerned; null when staff acted
     */
    public record TimelineEntry(String eventId, long globalIndex, Instant at, String kind, int level, String actorId,
                                String actorRole, Audience audience, String partnerId, String summary, String note) {

        public boolean visibleTo(String viewerPartnerId) {
            return audience == Audience.PARTIES
                    || audience == Audience.PARTNER && viewerPartnerId.equals(partnerId);
        }
    }

    public DisputeView {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        rulings = rulings == null ? List.of() : List.copyOf(rulings);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    public static final Projector<DisputeView> PROJECTOR = Projector
            .<DisputeView>builder("dispute", DisputeView::touchedBy)
            .createsWithRef(DisputeOpened.class, DisputeOpened::disputeId, DisputeView::from)
            .updatesWithRef(DisputeEvidenceAdded.class, DisputeEvidenceAdded::disputeId, DisputeView::apply)
            .updatesWithRef(DisputeRespondentLinked.class, DisputeRespondentLinked::disputeId, DisputeView::apply)
            .updatesWithRef(DisputeAssigned.class, DisputeAssigned::disputeId, DisputeView::apply)
            .updatesWithRef(DisputeEscalated.class, DisputeEscalated::disputeId, DisputeView::apply)
            .updatesWithRef(DisputeRuled.class, DisputeRuled::disputeId, DisputeView::apply)
            .updatesWithRef(DisputeAppealed.class, DisputeAppealed::disputeId, DisputeView::apply)
            .updatesWithRef(RulingRecorded.class, RulingRecorded::disputeId, DisputeView::apply)
            .updatesWithRef(RegistrationRevoked.class, RegistrationRevoked::disputeId, DisputeView::apply)
            .updatesWithRef(RegistrationRevocationReversed.class, RegistrationRevocationReversed::disputeId,
                    DisputeView::apply)
            .updatesWithRef(PartnerPenalized.class, PartnerPenalized::disputeId, DisputeView::apply)
            .updatesWithRef(PartnerPenaltyReversed.class, PartnerPenaltyReversed::disputeId, DisputeView::apply)
            .updatesIfNamed(SupportMoved.class, SupportMoved::rulingDisputeId, DisputeView::apply)
            .updatesIfNamed(RegistrationApproved.class, RegistrationApproved::rulingDisputeId, DisputeView::apply)
            .build();

    // ------------------------------------------------------------------ the dispute's own events

    static DisputeView from(DisputeOpened e, EventRef ref) {
        int level = e.level();
        String complainant = e.complainantPartnerId();
        TimelineEntry opened = entry(ref, e.openedAt(), "OPENED", level, Audience.PARTIES, complainant,
                "Dispute of type %s opened at level %d.".formatted(required(e.type(), "type", e), level),
                e.description());
        return DisputeViewBuilder.builder()
                .disputeId(required(e.disputeId(), "disputeId", e))
                .type(e.type())
                .status(Status.OPEN)
                .level(level)
                .opportunityId(required(e.opportunityId(), "opportunityId", e))
                .registrationId(e.registrationId())
                .complainantPartnerId(complainant)
                .openedBy(ref.actorId())
                .openedByRole(e.openedByRole())
                .description(e.description())
                .amounts(e.amounts())
                .openedAt(required(e.openedAt(), "openedAt", e))
                .openedGlobalIndex(ref.globalIndex())
                .policyVersion(e.policyVersion())
                .slaDueAt(e.slaDueAt())
                .timeline(List.of(opened))
                .dumpingFlagId(e.dumpingFlagId())
                .build();
    }

    DisputeView apply(DisputeEvidenceAdded e, EventRef ref) {
        Evidence added = new Evidence(required(e.evidenceId(), "evidenceId", e), e.submittedBy(),
                e.submittedByPartnerId(), e.description(), e.amounts(), e.documents(), e.addedAt());
        int documents = added.documents().size();
        TimelineEntry entry = entry(ref, e.addedAt(), "EVIDENCE_ADDED", level,
                e.submittedByPartnerId() == null ? Audience.STAFF : Audience.PARTNER, e.submittedByPartnerId(),
                "Evidence added (%d document%s).".formatted(documents, documents == 1 ? "" : "s"), e.description());
        return with(b -> b.evidence(append(evidence, added)).timeline(timelineWith(entry)));
    }

    DisputeView apply(DisputeRespondentLinked e, EventRef ref) {
        Respondent linked = new Respondent(required(e.respondentPartnerId(), "respondentPartnerId", e),
                e.respondentRegistrationId(), e.respondentOpportunityId(), e.linkedAt());
        TimelineEntry entry = entry(ref, e.linkedAt(), "RESPONDENT_LINKED", level, Audience.PARTIES, null,
                "Staff linked the respondent.", null);
        return with(b -> b.respondent(linked).timeline(timelineWith(entry)));
    }

    DisputeView apply(DisputeAssigned e, EventRef ref) {
        String assignee = required(e.assignee(), "assignee", e);
        TimelineEntry entry = entry(ref, e.assignedAt(), "ASSIGNED", e.level(), Audience.PARTIES, null,
                "Assigned to a decider of level %d.".formatted(e.level()), assignee);
        return with(b -> b.assignee(assignee).timeline(timelineWith(entry)));
    }

    DisputeView apply(DisputeEscalated e, EventRef ref) {
        String summary = e.automatic()
                ? "Escalated automatically from level %d to level %d: the SLA of level %d passed without a ruling."
                        .formatted(e.fromLevel(), e.level(), e.fromLevel())
                : "Escalated from level %d to level %d on request.".formatted(e.fromLevel(), e.level());
        TimelineEntry entry = entry(ref, e.at(), "ESCALATED", e.level(), Audience.PARTIES, ref.partnerId(), summary,
                e.reason());
        return with(b -> b.level(e.level()).slaDueAt(e.slaDueAt()).assignee(null).timeline(timelineWith(entry)));
    }

    DisputeView apply(DisputeRuled e, EventRef ref) {
        DisputeOutcome outcome = required(e.outcome(), "outcome", e);
        Ruling ruling = new Ruling(e.level(), outcome, e.rationale(), e.rightfulRegistrationId(),
                e.revokeRespondentProtection(), e.penaltyPoints(), e.appeal(), e.appealableUntil(), e.decidedBy(),
                e.decidedByRole(), e.at(), e.policyVersion(), e.partyStatement());
        String summary = "%s %s at level %d.".formatted(e.appeal() ? "Appeal decided:" : "Ruled", outcome, e.level());
        TimelineEntry entry = entry(ref, e.at(), "RULED", e.level(), Audience.PARTIES, null, summary, null);
        return with(b -> b.status(Status.CLOSED).slaDueAt(null).assignee(null).appealableUntil(e.appealableUntil())
                .rulings(append(rulings, ruling)).timeline(timelineWith(entry)));
    }

    DisputeView apply(DisputeAppealed e, EventRef ref) {
        TimelineEntry entry = entry(ref, e.at(), "APPEALED", e.level(), Audience.PARTIES, e.byPartnerId(),
                "A party appealed; the appeal is heard at level %d.".formatted(e.level()), e.reason());
        return with(b -> b.status(Status.OPEN).level(e.level()).slaDueAt(e.slaDueAt()).assignee(null).appealed(true)
                .appealableUntil(null).timeline(timelineWith(entry)));
    }

    // ------------------------------------------------------------------ effects carried out on other aggregates

    DisputeView apply(RulingRecorded e, EventRef ref) {
        return effect(ref, e.recordedAt(), "RULING_RECORDED", Audience.STAFF, null,
                e.rightfulRegistrationId() == null ? "The ruling was recorded on the opportunity."
                        : "The ruling was recorded on the opportunity, naming the rightful registration.");
    }

    DisputeView apply(RegistrationRevoked e, EventRef ref) {
        return effect(ref, e.revokedAt(), "PROTECTION_REVOKED", Audience.PARTNER, e.partnerId(),
                "The respondent's registration lost its protection.");
    }

    DisputeView apply(RegistrationRevocationReversed e, EventRef ref) {
        return effect(ref, e.reversedAt(), "PROTECTION_RESTORED", Audience.PARTNER, e.partnerId(),
                "The revocation of the respondent's protection was reversed.");
    }

    DisputeView apply(PartnerPenalized e, EventRef ref) {
        return effect(ref, e.penalizedAt(), "PENALTY_APPLIED", Audience.PARTNER, e.partnerId(),
                "The respondent received %d penalty points.".formatted(e.points()));
    }

    DisputeView apply(PartnerPenaltyReversed e, EventRef ref) {
        return effect(ref, e.reversedAt(), "PENALTY_REVERSED", Audience.PARTNER, e.partnerId(),
                "The respondent's %d penalty points were reversed.".formatted(e.points()));
    }

    DisputeView apply(SupportMoved e, EventRef ref) {
        return effect(ref, e.movedAt(), "SUPPORT_MOVED", Audience.STAFF, null,
                "Vendor support moved citing this dispute's ruling.");
    }

    DisputeView apply(RegistrationApproved e, EventRef ref) {
        return effect(ref, e.approvedAt(), "REGISTRATION_APPROVED", Audience.PARTNER, e.partnerId(),
                "A registration was approved citing this dispute's ruling.");
    }

    private DisputeView effect(EventRef ref, Instant at, String kind, Audience audience, String partnerId,
                               String summary) {
        return withTimeline(timelineWith(entry(ref, at, kind, level, audience, partnerId, summary, null)));
    }

    // ------------------------------------------------------------------ shared

    private static TimelineEntry entry(EventRef ref, Instant at, String kind, int level, Audience audience,
                                       String partnerId, String summary, String note) {
        return new TimelineEntry(ref.eventId(), ref.globalIndex(), at != null ? at : ref.timestamp(), kind, level,
                ref.actorId(), ref.actorRole(), audience, partnerId, summary, note);
    }

    /** The timeline with {@code entry} after every entry stored before it (by global index), before the later ones. */
    private List<TimelineEntry> timelineWith(TimelineEntry entry) {
        List<TimelineEntry> next = new ArrayList<>(timeline);
        int position = next.size();
        while (position > 0 && next.get(position - 1).globalIndex() > entry.globalIndex()) {
            position--;
        }
        next.add(position, entry);
        return next;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    DisputeView touchedBy(EventRef ref) {
        return with(b -> b.updatedAt(ref.timestamp()).lastEventId(ref.eventId()));
    }
}

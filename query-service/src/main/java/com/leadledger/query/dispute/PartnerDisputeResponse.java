package com.leadledger.query.dispute;

import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A dispute as one of its parties sees it. It never names the other party: no partner id, no registration or
 * opportunity of the other side, none of its evidence or free text. The complainant sees its complaint (description,
 * amounts); the respondent sees that it is the respondent, the rulings and what concerns it.
 *
 * @param role           COMPLAINANT or RESPONDENT
 * @param opportunityId  the complainant's opportunity; null for the respondent
 * @param registrationId the viewer's own registration in the dispute, if any
 */
record PartnerDisputeResponse(
        String disputeId,
        DisputeType type,
        String role,
        DisputeView.Status status,
        int level,
        String opportunityId,
        String registrationId,
        String description,
        DisputeAmounts amounts,
        Instant openedAt,
        Instant slaDueAt,
        boolean respondentLinked,
        boolean appealed,
        Instant appealableUntil,
        List<Ruling> rulings,
        List<Evidence> evidence,
        List<TimelineEntry> timeline) {

    /**
     * A ruling with its effects described without identities, and what the decider wrote for the parties — never the
     * decider's internal rationale.
     *
     * @param partyStatement the decider's statement for the parties; null when it wrote none
     * @param rightfulRegistrationId the registration named rightful when it is the viewer's own; otherwise null
     * @param yourRegistrationRightful whether the ruling named the viewer's registration rightful
     */
    @Schema(name = "PartnerDisputeRuling")
    public record Ruling(int level, DisputeOutcome outcome, String partyStatement, boolean appeal, Instant decidedAt,
                         Instant appealableUntil, long policyVersion, String rightfulRegistrationId,
                         boolean yourRegistrationRightful, boolean respondentProtectionRevoked, int penaltyPoints) {
    }

    /** The viewer's own evidence. */
    @Schema(name = "PartnerDisputeEvidence")
    public record Evidence(String evidenceId, String description, DisputeAmounts amounts,
                           List<com.leadledger.events.dispute.EvidenceDocument> documents, Instant addedAt) {
    }

    /** @param note the viewer's own free text (its reason, its evidence description); null otherwise */
    @Schema(name = "PartnerDisputeTimelineEntry")
    public record TimelineEntry(Instant at, String kind, int level, String summary, String note) {
    }

    /**
     * Null when {@code partnerId} is not a party of the dispute.
     *
     * @param ownRegistrationIds which of the registrations the rulings named rightful are the viewer's own
     */
    static PartnerDisputeResponse of(DisputeView v, String partnerId, java.util.Set<String> ownRegistrationIds) {
        boolean complainant = partnerId.equals(v.complainantPartnerId());
        boolean respondent = v.respondent() != null && partnerId.equals(v.respondent().partnerId());
        if (!complainant && !respondent) {
            return null;
        }
        String ownRegistration = complainant ? v.registrationId() : v.respondent().registrationId();
        List<Ruling> rulings = v.rulings().stream().map(r -> {
            boolean yours = r.rightfulRegistrationId() != null && ownRegistrationIds.contains(r.rightfulRegistrationId());
            return new Ruling(r.level(), r.outcome(), r.partyStatement(), r.appeal(), r.decidedAt(), r.appealableUntil(),
                    r.policyVersion(), yours ? r.rightfulRegistrationId() : null, yours,
                    r.revokeRespondentProtection(), r.penaltyPoints());
        }).toList();
        List<Evidence> evidence = v.evidence().stream()
                .filter(e -> partnerId.equals(e.submittedByPartnerId()))
                .map(e -> new Evidence(e.evidenceId(), e.description(), e.amounts(), e.documents(), e.addedAt()))
                .toList();
        List<TimelineEntry> timeline = v.timeline().stream()
                .filter(t -> t.visibleTo(partnerId))
                .map(t -> new TimelineEntry(t.at(), t.kind(), t.level(), t.summary(),
                        partnerId.equals(t.partnerId()) ? t.note() : null))
                .toList();
        return new PartnerDisputeResponse(v.disputeId(), v.type(), complainant ? "COMPLAINANT" : "RESPONDENT",
                v.status(), v.level(), complainant ? v.opportunityId() : null, ownRegistration,
                complainant ? v.description() : null, complainant ? v.amounts() : null, v.openedAt(), v.slaDueAt(),
                v.respondent() != null, v.appealed(), v.appealableUntil(), rulings, evidence, timeline);
    }
}

package com.leadledger.query.dispute;

import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.registration.RegistrationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A dispute with everything staff may see: both parties, all evidence, rulings, the full timeline (each entry with its
 * audience), the opportunity's ranking at the moment the dispute was opened (rebuilt from the event log) and the
 * current state of every registration the dispute names.
 */
record StaffDisputeResponse(
        String disputeId,
        DisputeType type,
        DisputeView.Status status,
        int level,
        String opportunityId,
        String registrationId,
        String complainantPartnerId,
        String openedBy,
        String openedByRole,
        String description,
        DisputeAmounts amounts,
        Instant openedAt,
        long policyVersion,
        long ageSeconds,
        String age,
        Instant slaDueAt,
        boolean slaBreached,
        String assignee,
        DisputeView.Respondent respondent,
        boolean appealed,
        Instant appealableUntil,
        List<DisputeView.Evidence> evidence,
        List<DisputeView.Ruling> rulings,
        List<DisputeView.TimelineEntry> timeline,
        List<RankingEntry> rankingAtOpening,
        List<LinkedRegistration> linkedRegistrations,
        Instant updatedAt,
        String dumpingFlagId) {

    /** A registration of the opportunity as it stood just before the dispute was opened. */
    @Schema(name = "DisputeRankingEntry")
    public record RankingEntry(int position, String registrationId, String partnerId, Instant acceptedAt,
                               RegistrationStatus status, boolean supported, Instant protectedUntil) {
    }

    /**
     * A registration the dispute names, as it is now.
     *
     * @param role COMPLAINANT (the complainant's own), RESPONDENT (the one staff linked) or RIGHTFUL (named by a
     *             ruling)
     */
    public record LinkedRegistration(String role, String registrationId, String opportunityId, String partnerId,
                                     int position, RegistrationStatus status, boolean supported,
                                     Instant protectedUntil) {
    }

    static StaffDisputeResponse of(DisputeView v, DisputeClock clock, List<RankingEntry> ranking,
                                   List<LinkedRegistration> linked) {
        return new StaffDisputeResponse(v.disputeId(), v.type(), v.status(), v.level(), v.opportunityId(),
                v.registrationId(), v.complainantPartnerId(), v.openedBy(), v.openedByRole(), v.description(),
                v.amounts(), v.openedAt(), v.policyVersion(), clock.age(v).toSeconds(), clock.age(v).toString(),
                v.slaDueAt(), clock.breached(v), v.assignee(), v.respondent(), v.appealed(), v.appealableUntil(),
                v.evidence(), v.rulings(), v.timeline(), ranking, linked, v.updatedAt(),
                v.dumpingFlagId());
    }
}

package com.leadledger.query.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.leadledger.events.opportunity.SupportEvidenceRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;

import java.time.Instant;

import static com.leadledger.query.projection.EventContract.required;

/**
 * One vendor support decision on an opportunity, as staff and auditors read it. Each support event adds one entry
 * through {@link #PROJECTOR}, a pure function of the event and its place in the history; entries never change.
 *
 * @param action  {@code GRANTED} (only {@code to*} set), {@code MOVED} (both sides), {@code WITHDRAWN} (only
 *                {@code from*} set), or {@code EVIDENCE_RECORDED}: a customer preference document recorded for later
 *                moves to cite ({@code evidenceSha256}; its name, and link if any, in {@code note})
 * @param at      when the decision was taken (the event's own time)
 * @param actorId who decided, from the event's audit metadata
 */
record SupportHistoryEntry(
        String eventId,
        @JsonIgnore String opportunityId,
        @JsonIgnore long sequenceNumber,
        Action action,
        String fromRegistrationId,
        String toRegistrationId,
        String fromPartnerId,
        String toPartnerId,
        String reasonCode,
        String rulingDisputeId,
        String evidenceSha256,
        String note,
        Instant at,
        String actorId) {

    public enum Action { GRANTED, MOVED, WITHDRAWN, EVIDENCE_RECORDED }

    public static final Projector<SupportHistoryEntry> PROJECTOR = Projector
            .<SupportHistoryEntry>entries("support history")
            .adds(SupportGranted.class, SupportHistoryEntry::granted)
            .adds(SupportMoved.class, SupportHistoryEntry::moved)
            .adds(SupportWithdrawn.class, SupportHistoryEntry::withdrawn)
            .adds(SupportEvidenceRecorded.class, SupportHistoryEntry::evidenceRecorded)
            .build();

    static SupportHistoryEntry granted(SupportGranted e, EventRef ref) {
        return new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                ref.sequenceNumber(), Action.GRANTED, null, required(e.registrationId(), "registrationId", e), null,
                e.partnerId(), null, null, null, e.note(), time(e.grantedAt(), ref), ref.actorId());
    }

    static SupportHistoryEntry moved(SupportMoved e, EventRef ref) {
        return new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                ref.sequenceNumber(), Action.MOVED, required(e.fromRegistrationId(), "fromRegistrationId", e),
                required(e.toRegistrationId(), "toRegistrationId", e), e.fromPartnerId(), e.toPartnerId(),
                name(e.reasonCode()), e.rulingDisputeId(), e.evidenceSha256(), e.note(), time(e.movedAt(), ref),
                ref.actorId());
    }

    static SupportHistoryEntry withdrawn(SupportWithdrawn e, EventRef ref) {
        return new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                ref.sequenceNumber(), Action.WITHDRAWN, required(e.registrationId(), "registrationId", e), null,
                e.partnerId(), null, name(e.reasonCode()), e.rulingDisputeId(), e.evidenceSha256(), e.note(),
                time(e.withdrawnAt(), ref), ref.actorId());
    }

    static SupportHistoryEntry evidenceRecorded(SupportEvidenceRecorded e, EventRef ref) {
        String document = required(e.name(), "name", e) + (e.link() == null ? "" : " (" + e.link() + ")");
        return new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                ref.sequenceNumber(), Action.EVIDENCE_RECORDED, null, null, null, null, null, null,
                required(e.evidenceSha256(), "evidenceSha256", e), document, time(e.recordedAt(), ref),
                ref.actorId());
    }

    private static String name(SupportReason reason) {
        return reason == null ? null : reason.name();
    }

    private static Instant time(Instant own, EventRef ref) {
        return own != null ? own : ref.timestamp();
    }
}

package com.leadledger.query.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.query.ingest.EventRef;

import java.time.Instant;
import java.util.Optional;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * One vendor support decision on an opportunity, as staff and auditors read it. {@link #from} is the pure mapping
 * from the support events; rows are written once per event and never change.
 *
 * @param action  {@code GRANTED} (only {@code to*} set), {@code MOVED} (both sides) or {@code WITHDRAWN} (only
 *                {@code from*} set)
 * @param at      when the decision was taken (the event's own time)
 * @param actorId who decided, from the event's audit metadata
 */
public record SupportHistoryEntry(
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

    public enum Action { GRANTED, MOVED, WITHDRAWN }

    /** The entry a support event adds to its opportunity's history; empty for any other event. */
    public static Optional<SupportHistoryEntry> from(LeadLedgerEvent event, EventRef ref) {
        if (event instanceof SupportGranted e) {
            return Optional.of(new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                    ref.sequenceNumber(), Action.GRANTED, null, required(e.registrationId(), "registrationId", e),
                    null, e.partnerId(), null, null, null, e.note(), time(e.grantedAt(), ref), ref.actorId()));
        }
        if (event instanceof SupportMoved e) {
            return Optional.of(new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                    ref.sequenceNumber(), Action.MOVED, required(e.fromRegistrationId(), "fromRegistrationId", e),
                    required(e.toRegistrationId(), "toRegistrationId", e), e.fromPartnerId(), e.toPartnerId(),
                    name(e.reasonCode()), e.rulingDisputeId(), e.evidenceSha256(), e.note(), time(e.movedAt(), ref),
                    ref.actorId()));
        }
        if (event instanceof SupportWithdrawn e) {
            return Optional.of(new SupportHistoryEntry(ref.eventId(), required(e.opportunityId(), "opportunityId", e),
                    ref.sequenceNumber(), Action.WITHDRAWN, required(e.registrationId(), "registrationId", e), null,
                    e.partnerId(), null, name(e.reasonCode()), e.rulingDisputeId(), e.evidenceSha256(), e.note(),
                    time(e.withdrawnAt(), ref), ref.actorId()));
        }
        return Optional.empty();
    }

    private static String name(SupportReason reason) {
        return reason == null ? null : reason.name();
    }

    private static Instant time(Instant own, EventRef ref) {
        return own != null ? own : ref.timestamp();
    }
}

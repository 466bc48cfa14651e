package com.leadledger.query.dumping;

import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;
import com.leadledger.events.registration.PossibleDumpingDismissed;
import com.leadledger.events.registration.PossibleDumpingDisputed;
import com.leadledger.events.registration.PossibleDumpingFlagged;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.leadledger.query.projection.EventContract.required;

/**
 * One possible-dumping flag with every number its rules used, and what staff did with it. Immutable; {@link #PROJECTOR}
 * maps the flag's events to pure transitions.
 *
 * @param closedBy who dismissed it or took it to a dispute; null while open
 * @param closedAt when; null while open
 */
record DumpingFlagView(
        String flagId,
        Status status,
        String opportunityId,
        String registrationId,
        String partnerId,
        String productLine,
        Money registeredValue,
        Money finalValue,
        BigDecimal approvedDiscountPercent,
        BigDecimal impliedDiscountPercent,
        PolicyDocument.PriceFloor floor,
        Money floorValue,
        List<DumpingRule> rules,
        long policyVersion,
        Instant flaggedAt,
        String disputeId,
        String dismissalReason,
        String closedBy,
        Instant closedAt,
        String lastEventId) {

    enum Status { OPEN, DISMISSED, DISPUTED }

    static final Projector<DumpingFlagView> PROJECTOR = Projector
            .<DumpingFlagView>builder("dumping flag", DumpingFlagView::touchedBy)
            .creates(PossibleDumpingFlagged.class, PossibleDumpingFlagged::flagId, DumpingFlagView::flagged)
            .updates(PossibleDumpingDisputed.class, PossibleDumpingDisputed::flagId, DumpingFlagView::apply)
            .updates(PossibleDumpingDismissed.class, PossibleDumpingDismissed::flagId, DumpingFlagView::apply)
            .build();

    static DumpingFlagView flagged(PossibleDumpingFlagged e) {
        return new DumpingFlagView(e.flagId(), Status.OPEN, required(e.opportunityId(), "opportunityId", e),
                required(e.registrationId(), "registrationId", e), e.partnerId(), e.productLine(),
                required(e.registeredValue(), "registeredValue", e), required(e.finalValue(), "finalValue", e),
                e.approvedDiscountPercent(), e.impliedDiscountPercent(), e.floor(), e.floorValue(),
                e.rules() == null ? List.of() : List.copyOf(e.rules()), e.policyVersion(), e.flaggedAt(), null, null,
                null, null, null);
    }

    DumpingFlagView apply(PossibleDumpingDisputed e) {
        return new DumpingFlagView(flagId, Status.DISPUTED, opportunityId, registrationId, partnerId, productLine,
                registeredValue, finalValue, approvedDiscountPercent, impliedDiscountPercent, floor, floorValue, rules,
                policyVersion, flaggedAt, required(e.disputeId(), "disputeId", e), null, e.openedBy(),
                e.disputedAt(), lastEventId);
    }

    DumpingFlagView apply(PossibleDumpingDismissed e) {
        return new DumpingFlagView(flagId, Status.DISMISSED, opportunityId, registrationId, partnerId, productLine,
                registeredValue, finalValue, approvedDiscountPercent, impliedDiscountPercent, floor, floorValue, rules,
                policyVersion, flaggedAt, null, e.reason(), e.dismissedBy(), e.dismissedAt(), lastEventId);
    }

    DumpingFlagView touchedBy(EventRef ref) {
        return new DumpingFlagView(flagId, status, opportunityId, registrationId, partnerId, productLine,
                registeredValue, finalValue, approvedDiscountPercent, impliedDiscountPercent, floor, floorValue, rules,
                policyVersion, flaggedAt != null ? flaggedAt : ref.timestamp(), disputeId, dismissalReason, closedBy,
                closedAt, ref.eventId());
    }
}

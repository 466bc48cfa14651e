package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import io.soabase.recordbuilder.core.RecordBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static com.leadledger.query.projection.EventContract.required;

/**
 * One registration as the read side knows it. Immutable; each event it reacts to has a pure transition here, and
 * {@link #PROJECTOR} maps event records to those transitions for the live projection, rebuilds and as-of views. It is
 * stored whole as a JSON document (see {@code RegistrationViewRepository}): a new member needs no column.
 *
 * @param discountPercent   the deal discount of the approval; null until approved
 * @param protectionDays    the protection period the approval granted (extensions not included); null until approved
 * @param protectedUntil    end of protection: set by the approval, moved by granted extensions
 * @param supported         whether the vendor currently backs this registration (at most one per opportunity)
 * @param reviewLevel       the review escalation level (1 manager, 2 director, 3 committee) while the registration
 *                          awaits review ({@code SUBMITTED}); null before the review clock started and once decided
 * @param reviewDueAt       when the review at {@code reviewLevel} is due; null like {@code reviewLevel}
 * @param extensionsGranted how many protection extensions were granted
 * @param pendingExtension  the extension request awaiting a decision, if any
 * @param rejection         why staff rejected it; null unless {@code REJECTED}
 * @param outcome           what the owner reported (won or lost); null until reported
 * @param decidedAt         when staff approved or rejected it; null while undecided
 * @param lastDecisionBy    the staff member (token subject) who approved or rejected it, from the event's audit
 *                          metadata; null while undecided
 * @param updatedAt         the timestamp of the last applied event (not the time it was projected)
 * @param lastEventId       the id of the last applied event
 */
@RecordBuilder
public record RegistrationView(
        String registrationId,
        String opportunityId,
        String partnerId,
        int position,
        RegistrationStatus status,
        CustomerIdentity customer,
        String customerKey,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description,
        Instant acceptedAt,
        long policyVersion,
        Instant withdrawnAt,
        String withdrawalReason,
        BigDecimal discountPercent,
        Integer protectionDays,
        Instant protectedUntil,
        boolean supported,
        Integer reviewLevel,
        Instant reviewDueAt,
        int extensionsGranted,
        PendingExtension pendingExtension,
        Rejection rejection,
        Outcome outcome,
        Instant decidedAt,
        String lastDecisionBy,
        Instant updatedAt,
        String lastEventId) implements RegistrationViewBuilder.With {

    /** An extension of protection the owner asked for, awaiting staff's decision. */
    public record PendingExtension(String extensionRequestId, int days, String reason, Instant requestedAt) {
    }

    /**
     * A rejection. {@code earlierRegisteredAt} is set when the reason was an earlier active registration of another
     * partner: only its time, never whose it was.
     */
    public record Rejection(String reasonCode, String note, Instant earlierRegisteredAt) {
    }

    /** The result the owner reported: {@code WON} with the final value, or {@code LOST} with a reason. */
    public record Outcome(String result, Money finalValue, String reason, Instant reportedAt) {
    }

    public static final Projector<RegistrationView> PROJECTOR = Projector
            .<RegistrationView>builder("registration", RegistrationView::touchedBy)
            .creates(RegistrationSubmitted.class, RegistrationSubmitted::registrationId, RegistrationView::from)
            .updates(ReviewSlaStarted.class, ReviewSlaStarted::registrationId, RegistrationView::apply)
            .updates(ReviewEscalated.class, ReviewEscalated::registrationId, RegistrationView::apply)
            .updates(RegistrationBecameReviewable.class, RegistrationBecameReviewable::registrationId,
                    RegistrationView::apply)
            .updatesWithRef(RegistrationApproved.class, RegistrationApproved::registrationId, RegistrationView::apply)
            .updatesWithRef(RegistrationRejected.class, RegistrationRejected::registrationId, RegistrationView::apply)
            .updates(RegistrationWithdrawn.class, RegistrationWithdrawn::registrationId, RegistrationView::apply)
            .updates(RegistrationExpired.class, RegistrationExpired::registrationId, RegistrationView::apply)
            .updates(RegistrationRevoked.class, RegistrationRevoked::registrationId, RegistrationView::apply)
            .updates(RegistrationRevocationReversed.class, RegistrationRevocationReversed::registrationId,
                    RegistrationView::apply)
            .updates(ExtensionRequested.class, ExtensionRequested::registrationId, RegistrationView::apply)
            .updates(ExtensionGranted.class, ExtensionGranted::registrationId, RegistrationView::apply)
            .updates(ExtensionRefused.class, ExtensionRefused::registrationId, RegistrationView::apply)
            .updates(RegistrationWon.class, RegistrationWon::registrationId, RegistrationView::apply)
            .updates(RegistrationLost.class, RegistrationLost::registrationId, RegistrationView::apply)
            .updates(SupportGranted.class, SupportGranted::registrationId, RegistrationView::apply)
            .updatesEach(SupportMoved.class, e -> Arrays.asList(e.fromRegistrationId(), e.toRegistrationId()),
                    RegistrationView::apply)
            .updates(SupportWithdrawn.class, SupportWithdrawn::registrationId, RegistrationView::apply)
            .build();

    static RegistrationView from(RegistrationSubmitted e) {
        CustomerIdentity customer = required(e.customer(), "customer", e);
        required(customer.legalName(), "customer.legalName", e);
        required(customer.country(), "customer.country", e);
        return RegistrationViewBuilder.builder()
                .registrationId(required(e.registrationId(), "registrationId", e))
                .opportunityId(required(e.opportunityId(), "opportunityId", e))
                .partnerId(required(e.partnerId(), "partnerId", e))
                .position(e.position())
                .status(RegistrationStatus.SUBMITTED)
                .customer(customer)
                .customerKey(required(e.customerKey(), "customerKey", e).value())
                .productLine(required(e.productLine(), "productLine", e))
                .estimatedValue(required(e.estimatedValue(), "estimatedValue", e))
                .expectedCloseDate(required(e.expectedCloseDate(), "expectedCloseDate", e))
                .description(e.description())
                .acceptedAt(required(e.acceptedAt(), "acceptedAt", e))
                .policyVersion(e.policyVersion())
                .build();
    }

    // ------------------------------------------------------------------ review clock (only while SUBMITTED)

    RegistrationView apply(ReviewSlaStarted e) {
        return underReview(e.level(), required(e.reviewDueAt(), "reviewDueAt", e));
    }

    RegistrationView apply(ReviewEscalated e) {
        return underReview(e.level(), required(e.reviewDueAt(), "reviewDueAt", e));
    }

    /** The registrations ahead of it left the competition: its review starts over at level 1. */
    RegistrationView apply(RegistrationBecameReviewable e) {
        return underReview(1, required(e.reviewDueAt(), "reviewDueAt", e));
    }

    private RegistrationView underReview(int level, Instant dueAt) {
        if (status != RegistrationStatus.SUBMITTED) {
            return this; // decided meanwhile: the review clock no longer applies
        }
        return with(b -> b.reviewLevel(level).reviewDueAt(dueAt));
    }

    // ------------------------------------------------------------------ decisions

    RegistrationView apply(RegistrationApproved e, EventRef ref) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        BigDecimal discount = required(e.discountPercent(), "discountPercent", e);
        return leaving(RegistrationStatus.APPROVED).discountPercent(discount).protectionDays(e.protectionDays())
                .protectedUntil(until).decidedAt(e.approvedAt()).lastDecisionBy(ref.actorId()).build();
    }

    RegistrationView apply(RegistrationRejected e, EventRef ref) {
        String reason = required(e.reasonCode(), "reasonCode", e).name();
        return leaving(RegistrationStatus.REJECTED)
                .rejection(new Rejection(reason, e.note(), e.earlierRegisteredAt())).decidedAt(e.rejectedAt())
                .lastDecisionBy(ref.actorId()).build();
    }

    RegistrationView apply(RegistrationWithdrawn e) {
        return leaving(RegistrationStatus.WITHDRAWN).withdrawnAt(e.withdrawnAt()).withdrawalReason(e.reason())
                .build();
    }

    /** Protection ran out; {@code protectedUntil} keeps the instant it ended. */
    RegistrationView apply(RegistrationExpired e) {
        return leaving(RegistrationStatus.EXPIRED).build();
    }

    /** An upheld dispute revoked its protection; {@code protectedUntil} keeps the end it had. */
    RegistrationView apply(RegistrationRevoked e) {
        return leaving(RegistrationStatus.REVOKED).build();
    }

    /** An appeal decision reversed the revocation: approved again with its former end, or expired meanwhile. */
    RegistrationView apply(RegistrationRevocationReversed e) {
        RegistrationStatus restored = required(e.status(), "status", e);
        return leaving(restored).protectedUntil(e.protectedUntil() != null ? e.protectedUntil() : protectedUntil)
                .build();
    }

    // ------------------------------------------------------------------ extensions

    RegistrationView apply(ExtensionRequested e) {
        return withPendingExtension(new PendingExtension(required(e.extensionRequestId(), "extensionRequestId", e),
                e.days(), e.reason(), e.requestedAt()));
    }

    RegistrationView apply(ExtensionGranted e) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        return with(b -> b.protectedUntil(until).extensionsGranted(extensionsGranted + 1).pendingExtension(null));
    }

    RegistrationView apply(ExtensionRefused e) {
        return withPendingExtension(null);
    }

    // ------------------------------------------------------------------ outcome

    RegistrationView apply(RegistrationWon e) {
        return leaving(RegistrationStatus.WON).outcome(new Outcome(RegistrationStatus.WON.name(),
                required(e.finalValue(), "finalValue", e), null, e.reportedAt())).build();
    }

    RegistrationView apply(RegistrationLost e) {
        return leaving(RegistrationStatus.LOST)
                .outcome(new Outcome(RegistrationStatus.LOST.name(), null, e.reason(), e.reportedAt())).build();
    }

    // ------------------------------------------------------------------ vendor support

    RegistrationView apply(SupportGranted e) {
        return withSupported(true);
    }

    /** Applied to both rows the move touches: the one losing support and the one gaining it. */
    RegistrationView apply(SupportMoved e) {
        if (registrationId.equals(e.toRegistrationId())) {
            return withSupported(true);
        }
        return registrationId.equals(e.fromRegistrationId()) ? withSupported(false) : this;
    }

    RegistrationView apply(SupportWithdrawn e) {
        return withSupported(false);
    }

    /** The same view, recording that {@code ref} was the last event applied to it. */
    RegistrationView touchedBy(EventRef ref) {
        return with(b -> b.updatedAt(ref.timestamp()).lastEventId(ref.eventId()));
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** Leaving {@code SUBMITTED}: the review clock stops. */
    private RegistrationViewBuilder leaving(RegistrationStatus next) {
        return with().status(next).reviewLevel(null).reviewDueAt(null);
    }
}

package com.leadledger.query.notice;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static com.leadledger.query.projection.EventContract.required;

/**
 * Something a partner was told about its own registration. Each event that tells a partner something adds its notices
 * through {@link #PROJECTOR}: a pure function of the event (and its place in the history), so that the live projection
 * and a rebuild write the same notices. A notice never changes once written.
 *
 * <p>Notices are anonymous by construction: a message is built only from codes, times, days and the recipient's own
 * deal terms, never from another partner's id, name, registration id or price, and never from free text staff typed
 * (notes can be read on the registration itself where the contract provides them).
 *
 * <p>Events that tell the partner nothing it did not do itself (submission, withdrawal, outcome, extension request)
 * or that concern staff only (review clock, {@code RegistrationBecameReviewable}: staff see it in the review queue)
 * add no notice.
 *
 * @param noticeId       the id of the event that caused it, or that id + {@code ':'} + a suffix when one event tells
 *                       several things (a support move tells the losing and the gaining side)
 * @param partnerId      the recipient
 * @param registrationId the recipient's own registration the notice is about
 * @param globalIndex    the causing event's position in the whole event store (orders notices of the same instant)
 */
public record Notice(String noticeId, String eventId, long globalIndex, String partnerId, String registrationId,
                     String opportunityId, NoticeKind kind, String message, Instant occurredAt) {

    public Notice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The one sentence a partner may learn about an earlier registration of someone else (DOMAIN.md). */
    static final String EARLIER_REGISTRATION = "An earlier registration by another partner exists for this "
            + "opportunity (registered at %s).";

    public static final Projector<Notice> PROJECTOR = Projector.<Notice>entries("notice")
            .adds(EarlierRegistrationNoticeIssued.class, Notice::earlierRegistration)
            .adds(RegistrationApproved.class, Notice::approved)
            .adds(RegistrationRejected.class, Notice::rejected)
            .adds(RegistrationExpired.class, Notice::expired)
            .adds(ExtensionGranted.class, Notice::extensionGranted)
            .adds(ExtensionRefused.class, Notice::extensionRefused)
            .adds(SupportGranted.class, Notice::supportGranted)
            .addsEach(SupportMoved.class, Notice::supportMoved)
            .adds(SupportWithdrawn.class, Notice::supportWithdrawn)
            .adds(RegistrationRevoked.class, Notice::revoked)
            .adds(RegistrationRevocationReversed.class, Notice::revocationReversed)
            .build();

    // ------------------------------------------------------------------ registration decisions

    private static Notice earlierRegistration(EarlierRegistrationNoticeIssued e, EventRef ref) {
        Instant earlier = required(e.earlierRegisteredAt(), "earlierRegisteredAt", e);
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EARLIER_REGISTRATION_EXISTS, EARLIER_REGISTRATION.formatted(earlier), e.issuedAt());
    }

    private static Notice approved(RegistrationApproved e, EventRef ref) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        BigDecimal discount = required(e.discountPercent(), "discountPercent", e);
        String message = "Your registration was approved: it is protected until %s, with a deal discount of %s%%."
                .formatted(until, discount.stripTrailingZeros().toPlainString());
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.REGISTRATION_APPROVED, message, e.approvedAt());
    }

    private static Notice rejected(RegistrationRejected e, EventRef ref) {
        String message = "Your registration was rejected (reason: %s)."
                .formatted(required(e.reasonCode(), "reasonCode", e).name());
        if (e.earlierRegisteredAt() != null) {
            message += " " + EARLIER_REGISTRATION.formatted(e.earlierRegisteredAt());
        }
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.REGISTRATION_REJECTED, message, e.rejectedAt());
    }

    private static Notice expired(RegistrationExpired e, EventRef ref) {
        String message = e.expiredAt() == null ? "The protection of your registration has ended."
                : "The protection of your registration ended at %s.".formatted(e.expiredAt());
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_EXPIRED, message, e.expiredAt());
    }

    private static Notice extensionGranted(ExtensionGranted e, EventRef ref) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        String message = "Your extension request was granted: protection is extended by %d days, until %s."
                .formatted(e.days(), until);
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EXTENSION_GRANTED, message, e.grantedAt());
    }

    private static Notice extensionRefused(ExtensionRefused e, EventRef ref) {
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EXTENSION_REFUSED, "Your extension request was refused; protection ends as before.",
                e.refusedAt());
    }

    // ------------------------------------------------------------------ dispute rulings

    private static Notice revoked(RegistrationRevoked e, EventRef ref) {
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_REVOKED, "An arbitration ruling revoked the protection of your registration. "
                        + "You may appeal the ruling within the policy's appeal window.", e.revokedAt());
    }

    private static Notice revocationReversed(RegistrationRevocationReversed e, EventRef ref) {
        RegistrationStatus status = required(e.status(), "status", e);
        String message = status == RegistrationStatus.APPROVED
                ? "An appeal decision reversed the revocation: your registration is protected again until %s."
                        .formatted(e.protectedUntil())
                : "An appeal decision reversed the revocation; the protection period has ended meanwhile.";
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_RESTORED, message, e.reversedAt());
    }

    // ------------------------------------------------------------------ vendor support

    private static Notice supportGranted(SupportGranted e, EventRef ref) {
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.SUPPORT_GRANTED, "The vendor now supports your registration.", e.grantedAt());
    }

    /** Two notices: the side that lost support (who may contest it) and the side that gained it. */
    private static List<Notice> supportMoved(SupportMoved e, EventRef ref) {
        String lost = "Vendor support for your registration was moved to another registration%s. "
                + "You may open a SUPPORT_OVERRIDE dispute.";
        return List.of(
                notice(ref, "from", e.fromPartnerId(), e.fromRegistrationId(), e.opportunityId(), e,
                        NoticeKind.SUPPORT_MOVED_AWAY, lost.formatted(reason(e.reasonCode())), e.movedAt()),
                notice(ref, "to", e.toPartnerId(), e.toRegistrationId(), e.opportunityId(), e,
                        NoticeKind.SUPPORT_GRANTED, "The vendor now supports your registration.", e.movedAt()));
    }

    private static Notice supportWithdrawn(SupportWithdrawn e, EventRef ref) {
        String message = "Vendor support for your registration was withdrawn%s.".formatted(reason(e.reasonCode()));
        return notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.SUPPORT_WITHDRAWN, message, e.withdrawnAt());
    }

    private static String reason(SupportReason reason) {
        return reason == null ? "" : " (reason: " + reason.name() + ")";
    }

    // ------------------------------------------------------------------ shared

    /**
     * @param suffix empty for the only notice of an event, else what distinguishes it from the event's other notices
     * @param at     the event's own time; the time it was stored when the event does not say
     */
    private static Notice notice(EventRef ref, String suffix, String partnerId, String registrationId,
                                 String opportunityId, LeadLedgerEvent event, NoticeKind kind, String message,
                                 Instant at) {
        return new Notice(suffix.isEmpty() ? ref.eventId() : ref.eventId() + ":" + suffix, ref.eventId(),
                ref.globalIndex(), required(partnerId, "partnerId", event),
                required(registrationId, "registrationId", event), required(opportunityId, "opportunityId", event),
                kind, message, at != null ? at : ref.timestamp());
    }
}

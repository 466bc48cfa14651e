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
import com.leadledger.query.ingest.EventRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * Which events tell a partner something, and what: a pure function of the event (and its place in the history), so
 * that the live projection and a rebuild write the same notices.
 *
 * <p>Notices are anonymous by construction: a message is built only from codes, times, days and the recipient's own
 * deal terms, never from another partner's id, name, registration id or price, and never from free text staff typed
 * (notes can be read on the registration itself where the contract provides them).
 *
 * <p>Events that tell the partner nothing it did not do itself (submission, withdrawal, outcome, extension request)
 * or that concern staff only (review clock, {@code RegistrationBecameReviewable}: staff see it in the review queue)
 * yield no notice.
 */
public final class NoticeRules {

    /** The one sentence a partner may learn about an earlier registration of someone else (DOMAIN.md). */
    static final String EARLIER_REGISTRATION = "An earlier registration by another partner exists for this "
            + "opportunity (registered at %s).";

    private static final Map<Class<? extends LeadLedgerEvent>, BiFunction<LeadLedgerEvent, EventRef, List<Notice>>> RULES =
            new LinkedHashMap<>();

    static {
        rule(EarlierRegistrationNoticeIssued.class, NoticeRules::earlierRegistration);
        rule(RegistrationApproved.class, NoticeRules::approved);
        rule(RegistrationRejected.class, NoticeRules::rejected);
        rule(RegistrationExpired.class, NoticeRules::expired);
        rule(ExtensionGranted.class, NoticeRules::extensionGranted);
        rule(ExtensionRefused.class, NoticeRules::extensionRefused);
        rule(SupportGranted.class, NoticeRules::supportGranted);
        rule(SupportMoved.class, NoticeRules::supportMoved);
        rule(SupportWithdrawn.class, NoticeRules::supportWithdrawn);
        rule(RegistrationRevoked.class, NoticeRules::revoked);
        rule(RegistrationRevocationReversed.class, NoticeRules::revocationReversed);
    }

    private NoticeRules() {
    }

    /** The event types that yield notices. */
    public static Set<Class<? extends LeadLedgerEvent>> eventTypes() {
        return Collections.unmodifiableSet(RULES.keySet());
    }

    /** The notices the event yields, in a stable order; empty for events that tell partners nothing. */
    public static List<Notice> noticesFor(LeadLedgerEvent event, EventRef ref) {
        BiFunction<LeadLedgerEvent, EventRef, List<Notice>> rule = RULES.get(event.getClass());
        return rule == null ? List.of() : rule.apply(event, ref);
    }

    private static <E extends LeadLedgerEvent> void rule(Class<E> type, BiFunction<E, EventRef, List<Notice>> rule) {
        RULES.put(type, (event, ref) -> rule.apply(type.cast(event), ref));
    }

    // ------------------------------------------------------------------ registration decisions

    private static List<Notice> earlierRegistration(EarlierRegistrationNoticeIssued e, EventRef ref) {
        Instant earlier = required(e.earlierRegisteredAt(), "earlierRegisteredAt", e);
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EARLIER_REGISTRATION_EXISTS, EARLIER_REGISTRATION.formatted(earlier), e.issuedAt()));
    }

    private static List<Notice> approved(RegistrationApproved e, EventRef ref) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        BigDecimal discount = required(e.discountPercent(), "discountPercent", e);
        String message = "Your registration was approved: it is protected until %s, with a deal discount of %s%%."
                .formatted(until, discount.stripTrailingZeros().toPlainString());
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.REGISTRATION_APPROVED, message, e.approvedAt()));
    }

    private static List<Notice> rejected(RegistrationRejected e, EventRef ref) {
        String message = "Your registration was rejected (reason: %s)."
                .formatted(required(e.reasonCode(), "reasonCode", e).name());
        if (e.earlierRegisteredAt() != null) {
            message += " " + EARLIER_REGISTRATION.formatted(e.earlierRegisteredAt());
        }
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.REGISTRATION_REJECTED, message, e.rejectedAt()));
    }

    private static List<Notice> expired(RegistrationExpired e, EventRef ref) {
        String message = e.expiredAt() == null ? "The protection of your registration has ended."
                : "The protection of your registration ended at %s.".formatted(e.expiredAt());
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_EXPIRED, message, e.expiredAt()));
    }

    private static List<Notice> extensionGranted(ExtensionGranted e, EventRef ref) {
        Instant until = required(e.protectedUntil(), "protectedUntil", e);
        String message = "Your extension request was granted: protection is extended by %d days, until %s."
                .formatted(e.days(), until);
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EXTENSION_GRANTED, message, e.grantedAt()));
    }

    private static List<Notice> extensionRefused(ExtensionRefused e, EventRef ref) {
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.EXTENSION_REFUSED, "Your extension request was refused; protection ends as before.",
                e.refusedAt()));
    }

    // ------------------------------------------------------------------ dispute rulings

    private static List<Notice> revoked(RegistrationRevoked e, EventRef ref) {
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_REVOKED, "An arbitration ruling revoked the protection of your registration. "
                        + "You may appeal the ruling within the policy's appeal window.", e.revokedAt()));
    }

    private static List<Notice> revocationReversed(RegistrationRevocationReversed e, EventRef ref) {
        RegistrationStatus status = required(e.status(), "status", e);
        String message = status == RegistrationStatus.APPROVED
                ? "An appeal decision reversed the revocation: your registration is protected again until %s."
                        .formatted(e.protectedUntil())
                : "An appeal decision reversed the revocation; the protection period has ended meanwhile.";
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.PROTECTION_RESTORED, message, e.reversedAt()));
    }

    // ------------------------------------------------------------------ vendor support

    private static List<Notice> supportGranted(SupportGranted e, EventRef ref) {
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.SUPPORT_GRANTED, "The vendor now supports your registration.", e.grantedAt()));
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

    private static List<Notice> supportWithdrawn(SupportWithdrawn e, EventRef ref) {
        String message = "Vendor support for your registration was withdrawn%s.".formatted(reason(e.reasonCode()));
        return List.of(notice(ref, "", e.partnerId(), e.registrationId(), e.opportunityId(), e,
                NoticeKind.SUPPORT_WITHDRAWN, message, e.withdrawnAt()));
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
                                 String opportunityId, LeadLedgerEvent event, NoticeKind kind, String message, Instant at) {
        return new Notice(suffix.isEmpty() ? ref.eventId() : ref.eventId() + ":" + suffix, ref.eventId(),
                ref.globalIndex(), required(partnerId, "partnerId", event),
                required(registrationId, "registrationId", event), required(opportunityId, "opportunityId", event),
                kind, message, at != null ? at : ref.timestamp());
    }
}

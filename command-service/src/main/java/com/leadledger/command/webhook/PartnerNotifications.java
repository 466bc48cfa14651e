package com.leadledger.command.webhook;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.leadledger.command.webhook.WebhookEventType.DISPUTE_RULED;
import static com.leadledger.command.webhook.WebhookEventType.DISPUTE_UPDATED;
import static com.leadledger.command.webhook.WebhookEventType.NOTICE_ISSUED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_APPROVED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_EXPIRED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_EXTENSION_DECIDED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_REJECTED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_RESTORED;
import static com.leadledger.command.webhook.WebhookEventType.REGISTRATION_REVOKED;
import static com.leadledger.command.webhook.WebhookEventType.SUPPORT_CHANGED;

/**
 * What a stored event tells which partner: each notification goes to one partner, about its own registration or a
 * dispute it is a party to, and carries only what that partner may read through the query API — never another
 * partner's id, registration or the reasoning staff keep for themselves (a ruling's rationale, a dispute's respondent
 * for the complainant).
 */
class PartnerNotifications {

    /** One webhook event for one partner. */
    record Notification(String partnerId, WebhookEventType type, Map<String, Object> data) {
    }

    /** The partners that are parties to a dispute. */
    interface DisputeParties {

        /** The complainant (if a partner) and the respondent linked last (if any). */
        Set<String> of(String disputeId);
    }

    private final DisputeParties disputeParties;

    PartnerNotifications(DisputeParties disputeParties) {
        this.disputeParties = disputeParties;
    }

    List<Notification> of(LeadLedgerEvent event) {
        if (event instanceof RegistrationApproved e) {
            return one(e.partnerId(), REGISTRATION_APPROVED, data(
                    "registrationId", e.registrationId(), "status", "APPROVED", "protectedUntil", e.protectedUntil(),
                    "discountPercent", e.discountPercent(), "approvedAt", e.approvedAt()));
        }
        if (event instanceof RegistrationRejected e) {
            return one(e.partnerId(), REGISTRATION_REJECTED, data(
                    "registrationId", e.registrationId(), "status", "REJECTED", "reasonCode", e.reasonCode(),
                    "note", e.note(), "earlierRegisteredAt", e.earlierRegisteredAt(), "rejectedAt", e.rejectedAt()));
        }
        if (event instanceof RegistrationExpired e) {
            return one(e.partnerId(), REGISTRATION_EXPIRED, data(
                    "registrationId", e.registrationId(), "status", "EXPIRED", "expiredAt", e.expiredAt()));
        }
        if (event instanceof RegistrationRevoked e) {
            return one(e.partnerId(), REGISTRATION_REVOKED, data(
                    "registrationId", e.registrationId(), "status", "REVOKED", "disputeId", e.disputeId(),
                    "revokedAt", e.revokedAt()));
        }
        if (event instanceof RegistrationRevocationReversed e) {
            return one(e.partnerId(), REGISTRATION_RESTORED, data(
                    "registrationId", e.registrationId(), "status", e.status(), "protectedUntil",
                    e.protectedUntil(), "disputeId", e.disputeId(), "restoredAt", e.reversedAt()));
        }
        if (event instanceof ExtensionGranted e) {
            return one(e.partnerId(), REGISTRATION_EXTENSION_DECIDED, data(
                    "registrationId", e.registrationId(), "extensionRequestId", e.extensionRequestId(),
                    "decision", "GRANTED", "days", e.days(), "protectedUntil", e.protectedUntil(), "note", e.note(),
                    "decidedAt", e.grantedAt()));
        }
        if (event instanceof ExtensionRefused e) {
            return one(e.partnerId(), REGISTRATION_EXTENSION_DECIDED, data(
                    "registrationId", e.registrationId(), "extensionRequestId", e.extensionRequestId(),
                    "decision", "REFUSED", "note", e.note(), "decidedAt", e.refusedAt()));
        }
        if (event instanceof EarlierRegistrationNoticeIssued e) {
            return one(e.partnerId(), NOTICE_ISSUED, data(
                    "registrationId", e.registrationId(), "kind", "EARLIER_REGISTRATION_EXISTS",
                    "earlierRegisteredAt", e.earlierRegisteredAt(), "issuedAt", e.issuedAt()));
        }
        if (event instanceof SupportGranted e) {
            return one(e.partnerId(), SUPPORT_CHANGED, support(e.registrationId(), true, null,
                    e.grantedAt()));
        }
        if (event instanceof SupportMoved e) {
            return supportMoved(e);
        }
        if (event instanceof SupportWithdrawn e) {
            return one(e.partnerId(), SUPPORT_CHANGED, support(e.registrationId(), false,
                    e.reasonCode(), e.withdrawnAt()));
        }
        if (event instanceof DisputeOpened e) {
            return e.complainantPartnerId() == null ? List.of()
                    : one(e.complainantPartnerId(), DISPUTE_UPDATED, data("disputeId", e.disputeId(),
                    "change", "OPENED", "level", e.level(), "at", e.openedAt()));
        }
        if (event instanceof DisputeRespondentLinked e) {
            return one(e.respondentPartnerId(), DISPUTE_UPDATED, data(
                    "disputeId", e.disputeId(), "change", "RESPONDENT_LINKED", "at", e.linkedAt()));
        }
        if (event instanceof DisputeEscalated e) {
            return toParties(e.disputeId(), null, DISPUTE_UPDATED, data(
                    "disputeId", e.disputeId(), "change", "ESCALATED", "level", e.level(), "at", e.at()));
        }
        if (event instanceof DisputeAppealed e) {
            return toParties(e.disputeId(), null, DISPUTE_UPDATED, data(
                    "disputeId", e.disputeId(), "change", "APPEALED", "level", e.level(), "at", e.at()));
        }
        if (event instanceof DisputeRuled e) {
            return toParties(e.disputeId(), e.respondentPartnerId(), DISPUTE_RULED, data(
                    "disputeId", e.disputeId(), "level", e.level(), "outcome", e.outcome(), "appeal", e.appeal(),
                    "partyStatement", e.partyStatement(), "appealableUntil", e.appealableUntil(),
                    "decidedAt", e.at()));
        }
        return List.of();
    }

    /** Each side learns about its own registration only: the other partner is never named. */
    private static List<Notification> supportMoved(SupportMoved e) {
        List<Notification> notifications = new ArrayList<>();
        if (e.fromPartnerId() != null) {
            notifications.add(new Notification(e.fromPartnerId(), SUPPORT_CHANGED,
                    support(e.fromRegistrationId(), false, e.reasonCode(), e.movedAt())));
        }
        notifications.add(new Notification(e.toPartnerId(), SUPPORT_CHANGED,
                support(e.toRegistrationId(), true, null, e.movedAt())));
        return notifications;
    }

    private static Map<String, Object> support(String registrationId, boolean supported, Object reasonCode,
                                               Object at) {
        return data("registrationId", registrationId, "supported", supported, "reasonCode", reasonCode,
                "changedAt", at);
    }

    private List<Notification> toParties(String disputeId, String alsoPartnerId, WebhookEventType type,
                                         Map<String, Object> data) {
        Set<String> parties = new LinkedHashSet<>(disputeParties.of(disputeId));
        if (alsoPartnerId != null) {
            parties.add(alsoPartnerId);
        }
        return parties.stream().map(partner -> new Notification(partner, type, data)).toList();
    }

    private static List<Notification> one(String partnerId, WebhookEventType type, Map<String, Object> data) {
        return partnerId == null ? List.of() : List.of(new Notification(partnerId, type, data));
    }

    /** Name/value pairs in order, without the null values. */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1] instanceof Enum<?> e ? e.name() : pairs[i + 1]);
            }
        }
        return data;
    }
}

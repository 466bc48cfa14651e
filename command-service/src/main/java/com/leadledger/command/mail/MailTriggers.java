package com.leadledger.command.mail;

import com.leadledger.command.policy.Policies;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.ReviewEscalated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * Turns events into recorded messages. A subscribing processor ({@value #PROCESSING_GROUP}): it runs in the
 * transaction that stores the event, so a message is recorded exactly when its cause is (nothing lost on a crash, no
 * gap a tracking processor could skip), and events stored before e-mail was enabled are never mailed.
 */
@Component
@ProcessingGroup(MailTriggers.PROCESSING_GROUP)
@ConditionalOnProperty(value = "leadledger.mail.enabled", havingValue = "true")
class MailTriggers {

    static final String PROCESSING_GROUP = "mail";

    private final MailRecipients recipients;
    private final MailTexts texts;
    private final MailOutbox outbox;
    private final ExpiryReminders reminders;
    private final Policies policies;
    private final JdbcClient jdbc;

    MailTriggers(MailRecipients recipients, MailTexts texts, MailOutbox outbox, ExpiryReminders reminders,
                 Policies policies, JdbcClient jdbc) {
        this.recipients = recipients;
        this.texts = texts;
        this.outbox = outbox;
        this.reminders = reminders;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegistrationApproved event, @MessageIdentifier String eventId) {
        reminders.protect(event.registrationId(), event.partnerId(), event.protectedUntil(), eventId);
    }

    @EventHandler
    void on(ExtensionGranted event, @MessageIdentifier String eventId) {
        reminders.protect(event.registrationId(), event.partnerId(), event.protectedUntil(), eventId);
    }

    @EventHandler
    void on(RegistrationRevocationReversed event, @MessageIdentifier String eventId) {
        if (event.status() == RegistrationStatus.APPROVED) {
            reminders.protect(event.registrationId(), event.partnerId(), event.protectedUntil(), eventId);
        } else {
            reminders.end(event.registrationId());
        }
    }

    @EventHandler
    void on(RegistrationRevoked event) {
        reminders.end(event.registrationId());
    }

    @EventHandler
    void on(RegistrationExpired event) {
        reminders.end(event.registrationId());
    }

    @EventHandler
    void on(RegistrationWon event) {
        reminders.end(event.registrationId());
    }

    @EventHandler
    void on(RegistrationLost event) {
        reminders.end(event.registrationId());
    }

    @EventHandler
    void on(RegistrationWithdrawn event) {
        reminders.end(event.registrationId());
    }

    @EventHandler
    void on(ReviewEscalated event, @MessageIdentifier String eventId) {
        record(eventId, MailKind.REVIEW_SLA_BREACHED, recipients.staff(MailRecipients.reviewerAt(event.level())),
                language -> new Object[] {event.registrationId(), event.level(),
                        MailTexts.when(event.reviewDueAt(), zone())});
    }

    @EventHandler
    void on(DisputeOpened event) {
        if (event.complainantPartnerId() != null) {
            jdbc.sql("""
                            INSERT INTO mail_dispute_party (dispute_id, complainant_partner_id) VALUES (:id, :partner)
                            ON CONFLICT (dispute_id) DO NOTHING""")
                    .param("id", event.disputeId())
                    .param("partner", event.complainantPartnerId())
                    .update();
        }
    }

    @EventHandler
    void on(DisputeEscalated event, @MessageIdentifier String eventId) {
        if (!event.automatic()) {
            return; // a party or staff asked: not a breached SLA
        }
        record(eventId, MailKind.DISPUTE_SLA_BREACHED, recipients.staff(MailRecipients.deciderAt(event.level())),
                language -> new Object[] {event.disputeId(), event.level(), MailTexts.when(event.at(), zone()),
                        MailTexts.when(event.slaDueAt(), zone())});
    }

    @EventHandler
    void on(DisputeRuled event, @MessageIdentifier String eventId) {
        String complainant = jdbc.sql("SELECT complainant_partner_id FROM mail_dispute_party WHERE dispute_id = :id")
                .param("id", event.disputeId()).query(String.class).optional().orElse(null);
        // the same text for both parties: the dispute, the outcome, nothing about the other party
        record(eventId, MailKind.RULING_ISSUED, recipients.rulingParties(complainant, event.respondentPartnerId()),
                language -> new Object[] {event.disputeId(), texts.word("mail.outcome." + event.outcome(), language)});
    }

    @EventHandler
    void on(SupportMoved event, @MessageIdentifier String eventId) {
        record(eventId, MailKind.SUPPORT_MOVED_AWAY, recipients.partner(event.fromPartnerId()),
                language -> new Object[] {event.fromRegistrationId(), MailTexts.when(event.movedAt(), zone())});
    }

    private void record(String causeEventId, MailKind kind, List<Mailbox> to,
                        Function<String, Object[]> arguments) {
        for (Mailbox mailbox : to) {
            outbox.record(causeEventId, kind, mailbox,
                    texts.letter(kind, mailbox.language(), arguments.apply(mailbox.language())));
        }
    }

    private ZoneId zone() {
        return ZoneId.of(policies.inForce().policy().calendar().timeZone());
    }
}

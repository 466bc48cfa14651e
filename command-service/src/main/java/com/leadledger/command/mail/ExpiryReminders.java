package com.leadledger.command.mail;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.leadledger.command.policy.Policies;
import com.leadledger.events.policy.BusinessDays;
import com.leadledger.events.policy.PolicyDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * "Your protection ends in N business days": one persistent deadline (db-scheduler task {@value #TASK}) per protection
 * end, scheduled when a registration is approved, extended or restored, N business days (policy
 * {@code expiryReminderBusinessDays}, default 10) before {@code protectedUntil} in the policy's calendar. When it runs
 * it checks the protection the registration has then ({@code mail_protection}, kept by {@link MailTriggers}): a
 * reminder for an end that an extension moved, or for a registration that expired, was revoked, won, lost or
 * withdrawn since, sends nothing.
 */
@Component
class ExpiryReminders {

    static final String TASK = "mail-expiry-reminder";

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

    /** The task's data (stored as JSON): which protection end it reminds of, and how many business days ahead. */
    record Due(String registrationId, String protectedUntil, int businessDays) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Policies policies;
    private final Clock clock;
    private final MailRecipients recipients;
    private final MailTexts texts;
    private final MailOutbox outbox;
    private final TransactionTemplate transaction;

    ExpiryReminders(JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler, Policies policies, Clock clock,
                    MailRecipients recipients, MailTexts texts, MailOutbox outbox,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.policies = policies;
        this.clock = clock;
        this.recipients = recipients;
        this.texts = texts;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The registration is protected until {@code protectedUntil} from now on; its holder is reminded before then. */
    void protect(String registrationId, String partnerId, Instant protectedUntil, String causeEventId) {
        jdbc.sql("""
                        INSERT INTO mail_protection (registration_id, partner_id, protected_until, cause_event_id)
                        VALUES (:id, :partner, :until, :cause)
                        ON CONFLICT (registration_id) DO UPDATE
                        SET partner_id = :partner, protected_until = :until, cause_event_id = :cause""")
                .param("id", registrationId)
                .param("partner", partnerId)
                .param("until", Timestamp.from(protectedUntil))
                .param("cause", causeEventId)
                .update();
        Instant now = clock.instant();
        if (!protectedUntil.isAfter(now)) {
            return;
        }
        PolicyDocument policy = policies.inForce().policy();
        int days = policy.expiryReminderDays();
        Instant at = remindAt(protectedUntil, days, policy.calendar());
        Due due = new Due(registrationId, protectedUntil.toString(), days);
        scheduler.getObject().scheduleIfNotExists(
                new TaskInstance<>(TASK, registrationId + "@" + protectedUntil, due), at.isAfter(now) ? at : now);
    }

    /** The registration is no longer protected: a reminder still scheduled for it sends nothing. */
    void end(String registrationId) {
        jdbc.sql("DELETE FROM mail_protection WHERE registration_id = :id").param("id", registrationId).update();
    }

    /** N business days before {@code end} in the calendar, at the same local time of day. */
    static Instant remindAt(Instant end, int businessDays, PolicyDocument.BusinessCalendar calendar) {
        BusinessDays days = new BusinessDays(calendar);
        ZonedDateTime at = end.atZone(ZoneId.of(calendar.timeZone()));
        int remaining = businessDays;
        while (remaining > 0) {
            at = at.minusDays(1);
            if (days.isBusinessDay(at.toLocalDate())) {
                remaining--;
            }
        }
        return at.toInstant();
    }

    /** The deadline ran: records the reminder for the holder's contacts if the protection is still the one due. */
    void remind(Due due) {
        Instant protectedUntil = Instant.parse(due.protectedUntil());
        transaction.executeWithoutResult(status -> {
            var current = jdbc.sql("""
                            SELECT partner_id, cause_event_id FROM mail_protection
                            WHERE registration_id = :id AND protected_until = :until""")
                    .param("id", due.registrationId())
                    .param("until", Timestamp.from(protectedUntil))
                    .query((rs, n) -> new String[] {rs.getString("partner_id"), rs.getString("cause_event_id")})
                    .optional();
            if (current.isEmpty()) {
                log.info("expiry reminder for {} at {} is stale: the protection changed or ended",
                        due.registrationId(), due.protectedUntil());
                return;
            }
            ZoneId zone = ZoneId.of(policies.inForce().policy().calendar().timeZone());
            for (Mailbox to : recipients.partner(current.get()[0])) {
                outbox.record(current.get()[1], MailKind.PROTECTION_EXPIRING, to,
                        texts.letter(MailKind.PROTECTION_EXPIRING, to.language(), due.registrationId(),
                                MailTexts.when(protectedUntil, zone), due.businessDays()));
            }
        });
    }
}

package com.leadledger.command.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The record of every message ({@code mail_message}). A message is recorded in the transaction of its cause, at most
 * once per (cause, kind, recipient); the sender claims it (committed) before talking to the SMTP server and marks the
 * outcome afterwards, so a crash in between never sends it twice (at most once).
 */
@Component
class MailOutbox {

    /** A claimed message, ready to be sent. */
    record Claimed(long id, String recipient, String subject, String body) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message unless this cause already has one of this kind for the recipient; true when recorded. */
    boolean record(String causeEventId, MailKind kind, Mailbox to, Letter letter) {
        return jdbc.sql("""
                        INSERT INTO mail_message (cause_event_id, kind, recipient, language, subject, body)
                        VALUES (:cause, :kind, :recipient, :language, :subject, :body)
                        ON CONFLICT (cause_event_id, kind, recipient) DO NOTHING""")
                .param("cause", causeEventId)
                .param("kind", kind.name())
                .param("recipient", to.email())
                .param("language", to.language())
                .param("subject", letter.subject())
                .param("body", letter.body())
                .update() == 1;
    }

    /** Claims up to {@code max} recorded messages, oldest first; instances never claim the same one. */
    List<Claimed> claim(int max) {
        return jdbc.sql("""
                        UPDATE mail_message SET status = 'SENDING'
                        WHERE id IN (SELECT id FROM mail_message WHERE status = 'PENDING'
                                     ORDER BY id LIMIT :max FOR UPDATE SKIP LOCKED)
                        RETURNING id, recipient, subject, body""")
                .param("max", max)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body")))
                .list()
                .stream().sorted(Comparator.comparingLong(Claimed::id)).toList();
    }

    void markSent(long id, Instant at, String outcome) {
        mark(id, "SENT", at, outcome);
    }

    void markFailed(long id, String outcome) {
        mark(id, "FAILED", null, outcome);
    }

    private void mark(long id, String status, Instant sentAt, String outcome) {
        jdbc.sql("UPDATE mail_message SET status = :status, sent_at = :at, smtp_outcome = :outcome WHERE id = :id")
                .param("status", status)
                .param("at", sentAt == null ? null : Timestamp.from(sentAt))
                .param("outcome", outcome)
                .param("id", id)
                .update();
    }
}

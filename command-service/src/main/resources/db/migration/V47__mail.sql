-- Partners' e-mail contacts (command-side view, written with PartnerContactsChanged).
CREATE TABLE partner_contact (
    partner_id VARCHAR(64)  NOT NULL,
    position   INT          NOT NULL,
    email      VARCHAR(254) NOT NULL,
    language   VARCHAR(8)   NOT NULL,
    PRIMARY KEY (partner_id, position)
);

-- Every e-mail the service sends, recorded in the transaction of the event that causes it (or of the reminder
-- deadline that found it due) before any attempt to send it: one row per (cause, kind, recipient), so a cause never
-- mails a recipient twice. PENDING → SENDING (claimed, committed before the SMTP conversation) → SENT or FAILED. A
-- crash during the conversation leaves SENDING: never sent again (at most once; docs/notifications.md).
CREATE TABLE mail_message (
    id             BIGSERIAL    PRIMARY KEY,
    cause_event_id VARCHAR(64)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    recipient      VARCHAR(254) NOT NULL,
    language       VARCHAR(8)   NOT NULL,
    subject        TEXT         NOT NULL,
    body           TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    recorded_at    TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    sent_at        TIMESTAMPTZ,
    smtp_outcome   TEXT,
    UNIQUE (cause_event_id, kind, recipient)
);
CREATE INDEX mail_message_pending_idx ON mail_message (id) WHERE status = 'PENDING';

-- The protection each approved registration has now, for the expiry reminder to check at run time: the reminder
-- scheduled for an earlier protectedUntil (before an extension) or for a registration that has ended finds no match.
CREATE TABLE mail_protection (
    registration_id VARCHAR(64) NOT NULL PRIMARY KEY,
    partner_id      VARCHAR(64) NOT NULL,
    protected_until TIMESTAMPTZ NOT NULL,
    cause_event_id  VARCHAR(64) NOT NULL
);

-- The complainant of each dispute, whom a ruling is mailed to (rulings name only the respondent).
CREATE TABLE mail_dispute_party (
    dispute_id             VARCHAR(64) NOT NULL PRIMARY KEY,
    complainant_partner_id VARCHAR(64) NOT NULL
);

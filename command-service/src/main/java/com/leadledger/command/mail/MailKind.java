package com.leadledger.command.mail;

/** What a message is about; each has a subject and a body in every language's bundle ({@code mail/messages}). */
enum MailKind {
    PROTECTION_EXPIRING("protection-expiring"),
    REVIEW_SLA_BREACHED("review-sla-breached"),
    DISPUTE_SLA_BREACHED("dispute-sla-breached"),
    RULING_ISSUED("ruling-issued"),
    SUPPORT_MOVED_AWAY("support-moved-away");

    private final String key;

    MailKind(String key) {
        this.key = key;
    }

    String subjectKey() {
        return "mail." + key + ".subject";
    }

    String bodyKey() {
        return "mail." + key + ".body";
    }
}

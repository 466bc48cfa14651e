package com.leadledger.command.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The event types a partner may subscribe to, by their documented names. */
enum WebhookEventType {
    REGISTRATION_APPROVED("registration.approved"),
    REGISTRATION_REJECTED("registration.rejected"),
    REGISTRATION_EXPIRED("registration.expired"),
    REGISTRATION_REVOKED("registration.revoked"),
    REGISTRATION_RESTORED("registration.restored"),
    REGISTRATION_EXTENSION_DECIDED("registration.extension_decided"),
    NOTICE_ISSUED("notice.issued"),
    SUPPORT_CHANGED("support.changed"),
    DISPUTE_UPDATED("dispute.updated"),
    DISPUTE_RULED("dispute.ruled");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<WebhookEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}

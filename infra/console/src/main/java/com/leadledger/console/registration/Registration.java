package com.leadledger.console.registration;

import com.leadledger.console.api.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A registration as the query service shows it to its reader (the parts the console renders). */
public record Registration(String registrationId, String opportunityId, String partnerId, String status,
                           Customer customer, String productLine, Money estimatedValue, LocalDate expectedCloseDate,
                           String description, Instant acceptedAt, BigDecimal discountPercent,
                           Integer protectionDays, Instant protectedUntil, Instant decidedAt, Rejection rejection,
                           List<Notice> notices, int extensionsGranted, PendingExtension pendingExtension) {

    public record Customer(String legalName, String country, String taxId, String domain, String region) {
    }

    public record Rejection(String reasonCode, String note) {
    }

    public record Notice(String noticeId, String kind, String message, Instant occurredAt) {
    }

    /** The owner's extension request awaiting staff's decision. */
    public record PendingExtension(String extensionRequestId, int days, String reason, Instant requestedAt) {
    }

    public Registration {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public boolean protectionRunning() {
        return "APPROVED".equals(status) && protectedUntil != null;
    }

    /** Whether its owner may usefully ask for more protection time: protected, and no request awaiting a decision. */
    public boolean extensionAskable() {
        return protectionRunning() && pendingExtension == null;
    }
}

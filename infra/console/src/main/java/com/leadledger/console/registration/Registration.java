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
                           List<Notice> notices) {

    public record Customer(String legalName, String country, String taxId, String domain, String region) {
    }

    public record Rejection(String reasonCode, String note) {
    }

    public record Notice(String noticeId, String kind, String message, Instant occurredAt) {
    }

    public Registration {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public boolean protectionRunning() {
        return "APPROVED".equals(status) && protectedUntil != null;
    }
}

package com.leadledger.console.admin;

import java.time.Instant;
import java.util.List;

/** A partner as the query service's partner registry gives it to staff, auditors and admins. */
public record AdminPartner(String partnerId, String name, String tier, List<String> productLines, String status,
                           String webhookUrl, Instant onboardedAt, Instant suspendedAt, String suspensionReason,
                           int penaltyPoints, Instant updatedAt) {

    public AdminPartner {
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(status);
    }
}

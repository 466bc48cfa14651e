package com.leadledger.console.partner;

import java.time.Instant;
import java.util.List;

/** A partner as staff read it from the query service: tier, product lines, penalty points and dispute history. */
public record PartnerRecord(String partnerId, String name, String tier, List<String> productLines, String status,
                            Instant onboardedAt, Instant suspendedAt, String suspensionReason, int penaltyPoints,
                            List<DisputeEntry> disputes) {

    /** A dispute the partner was a party of, and what its last ruling decided. */
    public record DisputeEntry(String disputeId, String role, String type, String status, int level,
                               Instant openedAt, String lastOutcome, int penaltyPoints) {
    }

    public PartnerRecord {
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        disputes = disputes == null ? List.of() : List.copyOf(disputes);
    }
}

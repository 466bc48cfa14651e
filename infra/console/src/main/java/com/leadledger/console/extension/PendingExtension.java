package com.leadledger.console.extension;

import java.time.Instant;

/** A registration whose owner asked for more protection, with the request awaiting a decision. */
public record PendingExtension(String registrationId, String opportunityId, String partnerId, Customer customer,
                               String productLine, Instant protectedUntil, int extensionsGranted, Request pendingExtension) {

    public record Customer(String legalName) {
    }

    public record Request(String extensionRequestId, int days, String reason, Instant requestedAt) {
    }
}

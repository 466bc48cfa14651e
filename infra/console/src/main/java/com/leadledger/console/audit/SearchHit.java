package com.leadledger.console.audit;

import java.time.Instant;

/** A registration the audit search found, with what tells it apart. */
public record SearchHit(String registrationId, String opportunityId, String partnerId, String legalName, String taxId,
                        String domain, String productLine, String status, Instant acceptedAt) {
}

package com.leadledger.events.opportunity;

import java.time.Instant;

/** The vendor no longer backs any registration of the opportunity. */
public record SupportWithdrawn(
        String opportunityId,
        String registrationId,
        String partnerId,
        SupportReason reasonCode,
        String rulingDisputeId,
        String evidenceSha256,
        String note,
        Instant withdrawnAt,
        long policyVersion) implements OpportunityEvent {
}

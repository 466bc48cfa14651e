package com.leadledger.events.opportunity;

import java.time.Instant;

/**
 * Vendor support moved from one registration to another. {@code reasonCode} is required when the registration losing
 * support was still protected; {@code rulingDisputeId} / {@code evidenceSha256} back the reason.
 */
public record SupportMoved(
        String opportunityId,
        String fromRegistrationId,
        String fromPartnerId,
        String toRegistrationId,
        String toPartnerId,
        SupportReason reasonCode,
        String rulingDisputeId,
        String evidenceSha256,
        String note,
        Instant movedAt,
        long policyVersion) implements OpportunityEvent {
}

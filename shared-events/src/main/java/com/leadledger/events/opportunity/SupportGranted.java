package com.leadledger.events.opportunity;

import java.time.Instant;

/** The vendor backs this approved registration (special pricing, presales help); at most one per opportunity. */
public record SupportGranted(String opportunityId, String registrationId, String partnerId, String note,
                             Instant grantedAt, long policyVersion) implements OpportunityEvent {
}

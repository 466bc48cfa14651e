package com.leadledger.events.opportunity;

import java.time.Instant;

/** An arbitration ruling about this opportunity named {@code rightfulRegistrationId} (null: none) as rightful. */
public record RulingRecorded(String opportunityId, String disputeId, String rightfulRegistrationId,
                             Instant recordedAt) implements OpportunityEvent {
}

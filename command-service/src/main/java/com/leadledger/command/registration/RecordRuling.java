package com.leadledger.command.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An arbitration ruling concerns this opportunity: {@code rightfulRegistrationId} (may be null) is the registration it
 * named as rightful, which lifts the first-to-register rule for its approval and justifies moving support to it.
 */
public record RecordRuling(@TargetAggregateIdentifier String opportunityId, String disputeId,
                           String rightfulRegistrationId) {
}

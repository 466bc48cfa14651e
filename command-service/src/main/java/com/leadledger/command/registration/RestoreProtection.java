package com.leadledger.command.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An appeal decision reverses the revocation that dispute {@code disputeId} ordered. Idempotent: nothing is recorded
 * unless the registration is currently revoked by that dispute.
 */
public record RestoreProtection(@TargetAggregateIdentifier String opportunityId, String registrationId,
                                String disputeId) {
}

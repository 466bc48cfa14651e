package com.leadledger.command.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An upheld dispute revokes the protection of an approved registration. Idempotent: a registration that is not
 * approved (already revoked, pending, or decided otherwise) has no protection to lose, and nothing is recorded.
 */
public record RevokeProtection(@TargetAggregateIdentifier String opportunityId, String registrationId,
                               String disputeId) {
}

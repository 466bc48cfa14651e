package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An upheld dispute sets the partner's penalty for that dispute to {@code points} (more than 0). Idempotent per
 * dispute: the same points again record nothing; other points replace the earlier penalty of that dispute.
 */
public record PenalizePartner(@TargetAggregateIdentifier String partnerId, String disputeId, int points) {
}

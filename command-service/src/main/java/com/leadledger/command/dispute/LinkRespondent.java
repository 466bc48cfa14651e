package com.leadledger.command.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff name the respondent partner, which must be a known partner, and optionally its registration, which must be
 * that partner's own.
 */
public record LinkRespondent(
        @TargetAggregateIdentifier String disputeId,
        String respondentPartnerId,
        String respondentRegistrationId) {
}

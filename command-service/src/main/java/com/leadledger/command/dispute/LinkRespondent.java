package com.leadledger.command.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Staff name the respondent partner and optionally its registration (already checked to belong to that partner;
 * {@code respondentOpportunityId} is that registration's opportunity).
 */
public record LinkRespondent(
        @TargetAggregateIdentifier String disputeId,
        String respondentPartnerId,
        String respondentRegistrationId,
        String respondentOpportunityId) {
}

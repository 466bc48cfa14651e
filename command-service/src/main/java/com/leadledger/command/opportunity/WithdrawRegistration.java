package com.leadledger.command.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owning partner takes its registration out of the competition. */
public record WithdrawRegistration(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        String partnerId,
        String reason) {
}

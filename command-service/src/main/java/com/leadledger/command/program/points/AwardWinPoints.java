package com.leadledger.command.program.points;

import com.leadledger.events.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Awards the points of a won deal by its final value, under the policy in force when it was won. */
record AwardWinPoints(@TargetAggregateIdentifier String ledgerId, String partnerId, String causationId,
                      String registrationId, Money finalValue, Instant wonAt, long policyVersion) {
}

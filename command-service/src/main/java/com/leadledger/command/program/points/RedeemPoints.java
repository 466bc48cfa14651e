package com.leadledger.command.program.points;

import com.leadledger.events.program.PointsRedeemed;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The partner's user {@code actorId} spends {@code points}; an extra discount names the partner's own approved
 * registration {@code registrationId}. {@code redemptionId} is new for each request.
 */
public record RedeemPoints(@TargetAggregateIdentifier String ledgerId, String partnerId, String redemptionId,
                           PointsRedeemed.Kind kind, int points, String registrationId, String actorId) {
}

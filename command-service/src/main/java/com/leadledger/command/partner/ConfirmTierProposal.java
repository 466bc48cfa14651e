package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin confirms the partner's latest qualification evaluation: the proposed tier ({@code tier} null), or another
 * tier with a written {@code justification}.
 */
public record ConfirmTierProposal(@TargetAggregateIdentifier String partnerId, String evaluationId, PartnerTier tier,
                                  String justification) {
}

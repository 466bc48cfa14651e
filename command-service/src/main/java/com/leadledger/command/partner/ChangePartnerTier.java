package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePartnerTier(@TargetAggregateIdentifier String partnerId, PartnerTier tier) {
}

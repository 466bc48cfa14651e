package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record OnboardPartner(@TargetAggregateIdentifier String partnerId, String name, PartnerTier tier,
                             List<String> productLines, String webhookUrl) {
}

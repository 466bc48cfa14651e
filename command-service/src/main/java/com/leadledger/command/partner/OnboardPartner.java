package com.leadledger.command.partner;

import com.leadledger.events.partner.PartnerTier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * ADMIN onboards a partner: its product lines must be in the policy's catalogue (kept sorted, without repeats), its
 * webhook an absolute http(s) URL.
 */
public record OnboardPartner(@TargetAggregateIdentifier String partnerId, String name, PartnerTier tier,
                             List<String> productLines, String webhookUrl) {
}

package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** ADMIN changes the product lines a partner may register; they must be in the policy's catalogue. */
public record ChangePartnerProductLines(@TargetAggregateIdentifier String partnerId, List<String> productLines) {
}

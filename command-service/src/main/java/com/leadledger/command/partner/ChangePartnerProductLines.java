package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record ChangePartnerProductLines(@TargetAggregateIdentifier String partnerId, List<String> productLines) {
}

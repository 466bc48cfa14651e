package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendPartner(@TargetAggregateIdentifier String partnerId, String reason) {
}

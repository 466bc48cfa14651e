package com.leadledger.command.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstatePartner(@TargetAggregateIdentifier String partnerId, String note) {
}

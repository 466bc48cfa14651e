package com.leadledger.command.opportunity;

import com.leadledger.events.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportOutcome(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        String partnerId,
        boolean won,
        Money finalValue,
        String reason) {
}

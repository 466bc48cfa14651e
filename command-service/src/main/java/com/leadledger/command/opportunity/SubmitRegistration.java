package com.leadledger.command.opportunity;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** File a partner's registration on its opportunity; validated and checked against policy {@code policyVersion}. */
public record SubmitRegistration(
        @TargetAggregateIdentifier String opportunityId,
        String registrationId,
        String partnerId,
        CustomerIdentity customer,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description,
        long policyVersion) {
}

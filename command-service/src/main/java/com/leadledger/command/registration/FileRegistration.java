package com.leadledger.command.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Files a submission that passed {@link SubmissionRules} on its opportunity: the customer is normalized and the
 * opportunity id derived from it. Sent only by {@link RegistrationSubmissions}; other senders use
 * {@link SubmitRegistration}.
 */
record FileRegistration(
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

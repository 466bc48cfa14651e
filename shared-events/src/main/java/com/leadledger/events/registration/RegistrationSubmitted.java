package com.leadledger.events.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's registration was accepted by its opportunity. {@code position} is the order of acceptance within
 * the opportunity (1, 2, …; unique and gapless), {@code acceptedAt} the server time at acceptance.
 */
public record RegistrationSubmitted(
        String opportunityId,
        String registrationId,
        String partnerId,
        int position,
        CustomerIdentity customer,
        CustomerKey customerKey,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description,
        Instant acceptedAt,
        long policyVersion) implements RegistrationEvent {
}

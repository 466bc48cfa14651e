package com.leadledger.command.registration;

import com.leadledger.events.common.Money;

import java.time.LocalDate;

/**
 * A partner registers a deal, with the customer as the partner entered it. Behind the command bus it is validated
 * against the policy in force (identifiers with check digits, product line, currency and minimum value, close date),
 * the partner's eligibility is checked, and it is filed on the opportunity derived from the customer key. Client
 * timestamps are never part of it: the opportunity's clock decides who was first.
 *
 * @param partnerId from the caller's token, never from a request body
 */
public record SubmitRegistration(
        String registrationId,
        String partnerId,
        CustomerDetails customer,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description) {

    /** The end customer as entered: {@code taxId} and {@code domain} not yet normalized; at least one is needed. */
    public record CustomerDetails(String legalName, String country, String taxId, String domain, String region) {
    }
}

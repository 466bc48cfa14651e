package com.leadledger.query.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registration as the API shows it. {@code position} is present for staff only: the member is left out entirely
 * for partners. {@code withdrawnAt}/{@code withdrawalReason} are null until the owner withdraws.
 */
public record RegistrationResponse(
        String registrationId,
        String opportunityId,
        String partnerId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer position,
        RegistrationStatus status,
        CustomerIdentity customer,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description,
        Instant acceptedAt,
        long policyVersion,
        Instant withdrawnAt,
        String withdrawalReason) {

    static RegistrationResponse of(RegistrationView v, boolean withPosition) {
        return new RegistrationResponse(v.registrationId(), v.opportunityId(), v.partnerId(),
                withPosition ? v.position() : null, v.status(), v.customer(), v.productLine(), v.estimatedValue(),
                v.expectedCloseDate(), v.description(), v.acceptedAt(), v.policyVersion(), v.withdrawnAt(),
                v.withdrawalReason());
    }
}

package com.leadledger.query.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.query.notice.NoticeResponse;
import com.leadledger.query.registration.RegistrationView.Outcome;
import com.leadledger.query.registration.RegistrationView.PendingExtension;
import com.leadledger.query.registration.RegistrationView.Rejection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registration as the API shows it.
 * <ul>
 *   <li>{@code position}, {@code reviewLevel}, {@code reviewDueAt} and {@code lastDecisionBy} (the staff member who
 *       approved or rejected it) are for staff only: the members are left out entirely for partners. The position
 *       would tell a partner that others registered the same opportunity first, and so would its review clock (it
 *       starts over when the registrations ahead of it leave).
 *       {@code reviewLevel}/{@code reviewDueAt} are also absent while no review clock runs (before it started and
 *       once the registration was decided).</li>
 *   <li>{@code withdrawnAt}/{@code withdrawalReason} are null until the owner withdraws; {@code discountPercent},
 *       {@code protectionDays}, {@code protectedUntil} and {@code decidedAt} until approved (a rejection sets
 *       {@code decidedAt} and {@code rejection}); {@code pendingExtension} is set while an extension request awaits
 *       a decision, {@code outcome} once the owner reported it.</li>
 *   <li>{@code notices} (what the owner was told about this registration, newest first) is present on the
 *       single-registration endpoint only, not in lists.</li>
 * </ul>
 */
record RegistrationResponse(
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
        String withdrawalReason,
        BigDecimal discountPercent,
        Integer protectionDays,
        Instant protectedUntil,
        boolean supported,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer reviewLevel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant reviewDueAt,
        int extensionsGranted,
        PendingExtension pendingExtension,
        Rejection rejection,
        Outcome outcome,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastDecisionBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<NoticeResponse> notices) {

    static RegistrationResponse of(RegistrationView v, boolean forStaff) {
        return of(v, forStaff, null);
    }

    static RegistrationResponse of(RegistrationView v, boolean forStaff, List<NoticeResponse> notices) {
        return new RegistrationResponse(v.registrationId(), v.opportunityId(), v.partnerId(),
                forStaff ? v.position() : null, v.status(), v.customer(), v.productLine(), v.estimatedValue(),
                v.expectedCloseDate(), v.description(), v.acceptedAt(), v.policyVersion(), v.withdrawnAt(),
                v.withdrawalReason(), v.discountPercent(), v.protectionDays(), v.protectedUntil(), v.supported(),
                forStaff ? v.reviewLevel() : null, forStaff ? v.reviewDueAt() : null, v.extensionsGranted(),
                v.pendingExtension(), v.rejection(), v.outcome(), v.decidedAt(), forStaff ? v.lastDecisionBy() : null,
                notices == null ? null : List.copyOf(notices));
    }
}

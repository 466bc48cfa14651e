package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projector;

import java.time.Instant;
import java.time.LocalDate;

import static com.leadledger.query.ingest.EventContract.required;

/**
 * One registration as the read side knows it. Immutable; each event it reacts to has a pure transition here, and
 * {@link #PROJECTOR} maps event records to those transitions for the live projection, rebuilds and as-of views.
 *
 * @param updatedAt   the timestamp of the last applied event (not the time it was projected)
 * @param lastEventId the id of the last applied event
 */
public record RegistrationView(
        String registrationId,
        String opportunityId,
        String partnerId,
        int position,
        RegistrationStatus status,
        CustomerIdentity customer,
        String customerKey,
        String productLine,
        Money estimatedValue,
        LocalDate expectedCloseDate,
        String description,
        Instant acceptedAt,
        long policyVersion,
        Instant withdrawnAt,
        String withdrawalReason,
        Instant updatedAt,
        String lastEventId) {

    public static final Projector<RegistrationView> PROJECTOR = Projector
            .<RegistrationView>builder("registration", RegistrationView::touchedBy)
            .creates(RegistrationSubmitted.class, RegistrationSubmitted::registrationId, RegistrationView::from)
            .updates(RegistrationWithdrawn.class, RegistrationWithdrawn::registrationId, RegistrationView::apply)
            .build();

    public static RegistrationView from(RegistrationSubmitted e) {
        CustomerIdentity customer = required(e.customer(), "customer", e);
        required(customer.legalName(), "customer.legalName", e);
        required(customer.country(), "customer.country", e);
        Money value = required(e.estimatedValue(), "estimatedValue", e);
        String customerKey = required(e.customerKey(), "customerKey", e).value();
        return new RegistrationView(required(e.registrationId(), "registrationId", e),
                required(e.opportunityId(), "opportunityId", e), required(e.partnerId(), "partnerId", e),
                e.position(), RegistrationStatus.SUBMITTED, customer, customerKey,
                required(e.productLine(), "productLine", e), value,
                required(e.expectedCloseDate(), "expectedCloseDate", e), e.description(),
                required(e.acceptedAt(), "acceptedAt", e), e.policyVersion(), null, null, null, null);
    }

    public RegistrationView apply(RegistrationWithdrawn e) {
        return new RegistrationView(registrationId, opportunityId, partnerId, position,
                RegistrationStatus.WITHDRAWN, customer, customerKey, productLine, estimatedValue, expectedCloseDate,
                description, acceptedAt, policyVersion, e.withdrawnAt(), e.reason(), updatedAt, lastEventId);
    }

    /** The same view, recording that {@code ref} was the last event applied to it. */
    public RegistrationView touchedBy(EventRef ref) {
        return new RegistrationView(registrationId, opportunityId, partnerId, position, status, customer,
                customerKey, productLine, estimatedValue, expectedCloseDate, description, acceptedAt, policyVersion,
                withdrawnAt, withdrawalReason, ref.timestamp(), ref.eventId());
    }

    public boolean isActive() {
        return status.isActive();
    }
}

package com.leadledger.command.opportunity;

import com.leadledger.command.common.RuleViolation;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One consistency boundary per (customer key, product line): every rule that compares registrations is checked here,
 * atomically, and the order in which this aggregate accepts registrations is "who registered first".
 */
@Aggregate
class Opportunity {

    @AggregateIdentifier
    private String opportunityId;
    private CustomerKey customerKey;
    private String productLine;
    private final Map<String, FiledRegistration> registrations = new LinkedHashMap<>();

    Opportunity() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationAccepted handle(SubmitRegistration command, Clock clock) {
        FiledRegistration same = registrations.get(command.registrationId());
        if (same != null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "REGISTRATION_ID_TAKEN",
                    "registration id " + command.registrationId() + " is already used");
        }
        Optional<FiledRegistration> ownActive = activeRegistrationOf(command.partnerId());
        if (ownActive.isPresent()) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "ACTIVE_REGISTRATION_EXISTS",
                    "You already have an active registration for this opportunity.",
                    Map.of("registrationId", ownActive.get().registrationId()));
        }
        CustomerKey key = command.customer().key();
        Instant acceptedAt = clock.instant();
        if (opportunityId == null) {
            apply(new OpportunityOpened(command.opportunityId(), key, command.productLine(), acceptedAt));
        }
        apply(new RegistrationSubmitted(opportunityId, command.registrationId(), command.partnerId(),
                registrations.size() + 1, command.customer(), key, command.productLine(), command.estimatedValue(),
                command.expectedCloseDate(), command.description(), acceptedAt, command.policyVersion()));
        return new RegistrationAccepted(command.registrationId(), opportunityId, acceptedAt);
    }

    @CommandHandler
    void handle(WithdrawRegistration command, Clock clock) {
        FiledRegistration registration = registrations.get(command.registrationId());
        if (registration == null || !registration.partnerId().equals(command.partnerId())) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND", "registration not found");
        }
        if (!registration.isActive()) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "REGISTRATION_NOT_ACTIVE",
                    "The registration is " + registration.status() + " and can no longer be withdrawn.");
        }
        apply(new RegistrationWithdrawn(opportunityId, registration.registrationId(), registration.partnerId(),
                command.reason(), clock.instant()));
    }

    private Optional<FiledRegistration> activeRegistrationOf(String partnerId) {
        return registrations.values().stream()
                .filter(r -> r.partnerId().equals(partnerId) && r.isActive())
                .findFirst();
    }

    @EventSourcingHandler
    void on(OpportunityOpened event) {
        opportunityId = event.opportunityId();
        customerKey = event.customerKey();
        productLine = event.productLine();
    }

    @EventSourcingHandler
    void on(RegistrationSubmitted event) {
        registrations.put(event.registrationId(), new FiledRegistration(event.registrationId(), event.partnerId(),
                event.position(), RegistrationStatus.SUBMITTED));
    }

    @EventSourcingHandler
    void on(RegistrationWithdrawn event) {
        registrations.computeIfPresent(event.registrationId(), (id, r) -> r.withStatus(RegistrationStatus.WITHDRAWN));
    }
}

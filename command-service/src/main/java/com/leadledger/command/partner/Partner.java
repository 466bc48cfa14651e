package com.leadledger.command.partner;

import com.leadledger.command.common.RuleViolation;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A partner in the channel program: its tier, the product lines it may register, and whether it is active. */
@Aggregate
class Partner {

    @AggregateIdentifier
    private String partnerId;
    private PartnerTier tier;
    private List<String> productLines;
    private boolean suspended;

    Partner() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OnboardPartner command, Clock clock) {
        if (partnerId != null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_EXISTS",
                    "partner " + command.partnerId() + " is already onboarded");
        }
        apply(new PartnerOnboarded(command.partnerId(), command.name(), command.tier(),
                List.copyOf(command.productLines()), command.webhookUrl(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangePartnerTier command, Clock clock) {
        if (command.tier() == tier) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "NO_CHANGE", "the partner already has tier " + tier);
        }
        apply(new PartnerTierChanged(partnerId, tier, command.tier(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangePartnerProductLines command, Clock clock) {
        if (command.productLines().equals(productLines)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "NO_CHANGE",
                    "the partner is already authorized for exactly these product lines");
        }
        apply(new PartnerProductLinesChanged(partnerId, List.copyOf(command.productLines()), clock.instant()));
    }

    @CommandHandler
    void handle(SuspendPartner command, Clock clock) {
        if (suspended) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_SUSPENDED", "the partner is already suspended");
        }
        apply(new PartnerSuspended(partnerId, command.reason(), clock.instant()));
    }

    @CommandHandler
    void handle(ReinstatePartner command, Clock clock) {
        if (!suspended) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "PARTNER_ACTIVE", "the partner is not suspended");
        }
        apply(new PartnerReinstated(partnerId, command.note(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PartnerOnboarded event) {
        partnerId = event.partnerId();
        tier = event.tier();
        productLines = event.productLines();
    }

    @EventSourcingHandler
    void on(PartnerTierChanged event) {
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(PartnerProductLinesChanged event) {
        productLines = event.productLines();
    }

    @EventSourcingHandler
    void on(PartnerSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(PartnerReinstated event) {
        suspended = false;
    }
}

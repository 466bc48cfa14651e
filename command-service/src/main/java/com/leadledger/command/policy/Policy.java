package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.RebateRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The single stream of published policy versions: versions are numbered 1, 2, … without gaps, and only a complete,
 * sensible policy ({@link PolicyRules}) is published.
 */
@Aggregate
class Policy {

    /** There is one policy stream per installation. */
    static final String POLICY_ID = "leadledger-policy";

    @AggregateIdentifier
    private String policyId;
    private long currentVersion;
    /** The tier names of the version in force: a new version keeps them, since partners may hold any of them. */
    private List<String> tiersInForce = List.of();
    /** How rebates accrue under the latest version with a rebate schedule (null: none yet); later versions keep it. */
    private RebateRules.Accrual rebateAccrualInForce;

    Policy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(PublishInitialPolicy command, Clock clock) {
        if (currentVersion > 0) {
            return currentVersion;
        }
        PolicyRules.requireValid(command.policy(), List.of());
        apply(new PolicyPublished(1, command.policy(), clock.instant(), command.publishedBy()));
        return currentVersion;
    }

    @CommandHandler
    long handle(PublishPolicy command, Clock clock) {
        PolicyRules.requireValid(command.policy(), tiersInForce, rebateAccrualInForce);
        long version = currentVersion + 1;
        apply(new PolicyPublished(version, command.policy(), clock.instant(), command.publishedBy()));
        return version;
    }

    @EventSourcingHandler
    void on(PolicyPublished event) {
        policyId = POLICY_ID;
        currentVersion = event.version();
        tiersInForce = event.policy().tiers() == null ? List.of() : event.policy().tiersInOrder();
        RebateRules.Accrual accrual = RebatePolicyRules.accrualOf(event.policy());
        rebateAccrualInForce = accrual != null ? accrual : rebateAccrualInForce;
    }
}

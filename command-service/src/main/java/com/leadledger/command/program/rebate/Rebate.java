package com.leadledger.command.program.rebate;

import com.leadledger.command.policy.Policies;
import com.leadledger.command.policy.PublishedPolicy;
import com.leadledger.command.program.ProgramFacts;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's rebate for one period ({@code rebate:<partnerId>:<period>}): accrued once, after the period ended, from
 * the deals it won in the period and in the same period last year, under the policy in force at the close.
 */
@Aggregate
class Rebate {

    @AggregateIdentifier
    private String rebateId;

    Rebate() {
        // for Axon
    }

    /** @return true when this call accrued the rebate, false when it was accrued before */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(AccrueRebate command, Clock clock, Policies policies, ProgramFacts facts) {
        RebatePeriod period = RebatePeriod.parse(command.period());
        if (!period.rebateId(command.partnerId()).equals(command.rebateId())) {
            throw new IllegalArgumentException("rebate id " + command.rebateId() + " does not match its partner "
                    + "and period");
        }
        if (rebateId != null) {
            return false; // accrued already: closing again accrues nothing new
        }
        PublishedPolicy policy = policies.inForce();
        Instant now = clock.instant();
        RebateRules rules = requireClosable(policy, period, now);
        ZoneId zone = ZoneId.of(policy.policy().calendar().timeZone());
        ProgramRules program = policy.policy().program();
        List<String> counted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<RebateCalculation.WonVolume> volume = volumes(facts.wonBy(command.partnerId(), period.start(zone),
                period.end(zone)), program, rules, zone, counted, excluded);
        RebatePeriod lastYear = period.lastYear();
        List<RebateCalculation.WonVolume> lastYearVolume = volumes(facts.wonBy(command.partnerId(),
                lastYear.start(zone), lastYear.end(zone)), program, rules, zone, new ArrayList<>(), excluded);
        RebateCalculation.Result result = RebateCalculation.compute(rules, volume, lastYearVolume);
        apply(new RebateAccrued(command.partnerId(), command.rebateId(), period.name(), period.start(zone),
                period.end(zone), period.accrual().name(), policy.version(), program.currency(), result.lines(),
                result.volume(), result.lastYearVolume(), result.amount(),
                RebateCalculation.payouts(rules, period, result.amount()), List.copyOf(counted),
                List.copyOf(excluded), now));
        return true;
    }

    /**
     * The rebate schedule of the policy in force, if it has one, it accrues periods of this kind and the period has
     * ended (in the policy's time zone).
     */
    static RebateRules requireClosable(PublishedPolicy policy, RebatePeriod period, Instant now) {
        RebateRules rules = Optional.ofNullable(policy.policy().program()).map(ProgramRules::rebates)
                .filter(r -> r.accrual() != null && r.productLines() != null)
                .orElseThrow(() -> new RuleViolation(RuleViolation.Kind.CONFLICT, "REBATE_RULES_MISSING",
                        "policy version " + policy.version() + " has no rebate schedule"));
        if (rules.accrual() != period.accrual()) {
            throw RuleViolation.invalidFields("Policy version " + policy.version() + " accrues rebates "
                    + rules.accrual(), List.of(new FieldProblem("period", "must be "
                    + (rules.accrual() == RebateRules.Accrual.QUARTERLY ? "a quarter like 2026-Q4" : "a year like 2026")
                    + " under the policy in force", "REBATE_PERIOD_KIND")));
        }
        Instant end = period.end(ZoneId.of(policy.policy().calendar().timeZone()));
        if (now.isBefore(end)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "REBATE_PERIOD_OPEN",
                    "the period " + period.name() + " ends at " + end + "; it can be closed after that");
        }
        return rules;
    }

    /** The deals of the schedule's lines in the program currency; deals without an exchange rate are set aside. */
    private static List<RebateCalculation.WonVolume> volumes(
            List<ProgramFacts.Deal> deals, ProgramRules program, RebateRules rules, ZoneId zone, List<String> counted,
            List<String> excluded) {
        List<RebateCalculation.WonVolume> volumes = new ArrayList<>();
        for (ProgramFacts.Deal deal : deals) {
            if (!rules.productLines().containsKey(deal.productLine())) {
                continue;
            }
            Optional<BigDecimal> value = program.inProgramCurrency(deal.wonValue());
            if (value.isEmpty()) {
                excluded.add(deal.registrationId());
                continue;
            }
            counted.add(deal.registrationId());
            volumes.add(new RebateCalculation.WonVolume(deal.productLine(), deal.wonAt().atZone(zone).toLocalDate(),
                    value.get()));
        }
        return volumes;
    }

    @EventSourcingHandler
    void on(RebateAccrued event) {
        rebateId = event.rebateId();
    }
}

package com.leadledger.command.program.rebate;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.leadledger.command.policy.Policies;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The period-end deadline: a db-scheduler recurring task {@value #TASK} (persistent in PostgreSQL, run once across
 * instances, kept over restarts) due one minute after each quarter begins in the policy's time zone (every period,
 * quarterly or annual, ends at a quarter's start), first at once when the task is new, retried five minutes after a
 * failure. Each run closes the most recent period that has ended, as ADMIN's close does; closing is idempotent, so a
 * repeated or late run accrues nothing twice.
 */
@Configuration
class RebatePeriodEnds {

    static final String TASK = "rebate-period-end";
    private static final Logger log = LoggerFactory.getLogger(RebatePeriodEnds.class);
    private static final Duration AFTER_END = Duration.ofMinutes(1);
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final Duration NO_POLICY_YET = Duration.ofSeconds(10);

    @Bean
    RecurringTask<Void> rebatePeriodEndTask(@Lazy Policies policies, @Lazy CommandGateway commands, Clock clock) {
        return Tasks.recurring(TASK, new PeriodEnds(() -> zoneOf(policies)))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                .execute((instance, context) -> closeLastEnded(policies, commands, clock.instant()));
    }

    /** Closes the latest period of the policy's accrual that has ended by {@code now}, if the policy has rebates. */
    static void closeLastEnded(Policies policies, CommandGateway commands, Instant now) {
        Optional<RebateRules.Accrual> accrual;
        try {
            accrual = Optional.ofNullable(policies.inForce().policy().program())
                    .map(program -> program.rebates()).map(RebateRules::accrual);
        } catch (RuntimeException noPolicyYet) {
            log.warn("no rebate period closed: no policy in force yet ({})", noPolicyYet.getMessage());
            return;
        }
        if (accrual.isEmpty()) {
            return;
        }
        String period = lastEnded(now, zoneOf(policies).orElseThrow(), accrual.get()).name();
        try {
            CloseRebatePeriod.Closed closed = commands.sendAndWait(new CloseRebatePeriod(period));
            log.info("rebate period {} closed: {} accrued now, {} before", period, closed.accrued().size(),
                    closed.alreadyAccrued().size());
        } catch (RuleViolation refused) {
            log.warn("rebate period {} not closed: {} {}", period, refused.code(), refused.getMessage());
        }
    }

    /** The latest period of the kind that has ended by the instant. */
    static RebatePeriod lastEnded(Instant now, ZoneId zone, RebateRules.Accrual accrual) {
        return RebatePeriod.containing(now.atZone(zone).toLocalDate(), accrual).previous();
    }

    /** The policy's time zone; empty while no policy is in force yet (the service is starting). */
    private static Optional<ZoneId> zoneOf(Policies policies) {
        try {
            return Optional.of(ZoneId.of(policies.inForce().policy().calendar().timeZone()));
        } catch (RuntimeException noPolicyYet) {
            return Optional.empty();
        }
    }

    /**
     * Due one minute after the next quarter begins in the policy's zone (read anew for each run); while no policy is
     * in force yet, again a few seconds later.
     */
    record PeriodEnds(Supplier<Optional<ZoneId>> zone) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return zone.get().map(z -> nextAfter(complete.getTimeDone(), z))
                    .orElse(complete.getTimeDone().plus(NO_POLICY_YET));
        }

        /** The first run is at once: it closes the latest ended period (idempotent), then runs at period ends. */
        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now;
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }

        static Instant nextAfter(Instant now, ZoneId zone) {
            LocalDate today = now.atZone(zone).toLocalDate();
            LocalDate quarterStart = RebatePeriod.containing(today, RebateRules.Accrual.QUARTERLY).dayAfter();
            return quarterStart.atStartOfDay(zone).toInstant().plus(AFTER_END);
        }
    }
}

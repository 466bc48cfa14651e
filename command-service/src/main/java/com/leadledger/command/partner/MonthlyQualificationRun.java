package com.leadledger.command.partner;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The monthly tier qualification run: a persistent recurring task in PostgreSQL (db-scheduler, like the deadlines), so
 * it runs once across instances and survives restarts. By default at 03:00 on the first day of each month, Moscow
 * time ({@code leadledger.program.qualification-cron}, {@code leadledger.program.qualification-zone}).
 */
@Configuration
class MonthlyQualificationRun {

    static final String TASK = "tier-qualification-run";
    private static final Duration RETRY = Duration.ofMinutes(5);

    static Schedule schedule(String cron, String zone) {
        return Schedules.cron(cron, ZoneId.of(zone));
    }

    @Bean
    RecurringTask<Void> monthlyTierQualificationRun(
            TierQualificationRun run, CommandGateway gateway, Clock clock,
            @Value("${leadledger.program.qualification-cron:0 0 3 1 * *}") String cron,
            @Value("${leadledger.program.qualification-zone:Europe/Moscow}") String zone) {
        return Tasks.recurring(TASK, schedule(cron, zone))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY)) // not a month later: a few minutes
                .execute((instance, context) -> run.run(clock.instant(), gateway::sendAndWait));
    }
}

package com.leadledger.command.mail;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The expiry reminder as a db-scheduler task: persistent, run once across instances, retried if it fails. */
@Configuration
class ExpiryReminderConfig {

    @Bean
    Task<ExpiryReminders.Due> expiryReminderTask(ExpiryReminders reminders) {
        return Tasks.oneTime(ExpiryReminders.TASK, ExpiryReminders.Due.class)
                .execute((instance, context) -> reminders.remind(instance.getData()));
    }
}

package com.leadledger.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Persistent deadlines (review SLA, protection expiry) in PostgreSQL through db-scheduler: they survive restarts and
 * each runs once across instances. Task data is stored as readable JSON (Jackson), never Java serialization.
 */
@Configuration
class DeadlineConfig {

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                    @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(new RenamedTypesSerializer(serializer, RenamedTypesSerializer.MOVED_DEADLINE_PAYLOADS))
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .useBinaryPojo(false)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}

package com.leadledger.command.config;

import com.leadledger.command.common.AuditCorrelationProvider;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.kit.idempotency.CommittedWork;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration
class AxonConfig {

    /**
     * Every command in one Spring transaction: the advisory lock, the appended events and the command-side views.
     * Axon's auto-configuration would declare this too, but it orders itself after Spring Boot 3's
     * {@code DataSourceTransactionManagerAutoConfiguration}, a class Boot 4 moved, so under Boot 4 it finds no
     * transaction manager yet and falls back to none.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    CorrelationDataProvider auditCorrelationProvider() {
        return new AuditCorrelationProvider();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Concurrent commands on one opportunity from several instances meet as optimistic-lock conflicts in the event
     * store; those (transient) conflicts are retried here so clients never see them. Business refusals are
     * non-transient and are not retried, and neither is a database that cannot be reached: the caller gets 503 with
     * Retry-After at once instead of waiting through every retry. A retry commits its work for the request's
     * Idempotency-Key like the first attempt ({@link CommittedWork}).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  CommandRetryProperties retries, CommittedWork idempotencyCommittedWork) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(JitteredBackoffRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(retries.maxRetries())
                        .addNonTransientFailurePredicate(RuleViolation.class, refusal -> true)
                        .addNonTransientFailurePredicate(CannotCreateTransactionException.class, down -> true)
                        .addNonTransientFailurePredicate(DataAccessResourceFailureException.class, down -> true)
                        .baseMillis(retries.retryBaseMs())
                        .capMillis(retries.retryCapMs())
                        .taskDecorator(idempotencyCommittedWork)
                        .build())
                .build();
    }
}

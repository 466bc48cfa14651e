package com.leadledger.kit.idempotency;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency keys for both services. The filter runs inside the security chain (after authorization, see
 * {@code JwtSecurity}), so it is not registered as a plain servlet filter.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    /** A test may bring its own store (a clock it moves). */
    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, properties.retention(), Clock.systemUTC());
    }

    /** A {@code TransactionExecutionListener}: Spring Boot adds it to the transaction manager it configures. */
    @Bean
    CommittedWork idempotencyCommittedWork(IdempotencyStore store) {
        return new CommittedWork(store);
    }

    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyStore store, CommittedWork committedWork, JsonMapper mapper) {
        return new IdempotencyFilter(store, committedWork, mapper);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterNotAsServletFilter(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService idempotencyPurger(IdempotencyStore store) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                store.purgeExpired();
            } catch (RuntimeException e) {
                // the database may be briefly unavailable; the next run purges
            }
        }, 1, 10, TimeUnit.MINUTES);
        return executor;
    }
}

package com.leadledger.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;

/**
 * db-scheduler's Spring Boot starter (16.6.0, the db-scheduler Axon 4.13 is built with; 16.7.1, the newest served, is
 * the same here) is written for Spring Boot 3: it orders its scheduler after Boot 3's
 * {@code DataSourceAutoConfiguration}, a class Boot 4 moved, so the ordering is lost and the scheduler is never
 * created; its metrics and health indicator look for Boot 3's actuator classes and are skipped. Its scheduler
 * configuration is therefore excluded in {@code application.yml} and imported here, after Boot 4's data source, with
 * the starter's metrics and health indicator declared against Boot 4's types. Remove this class once the starter
 * supports Spring Boot 4.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class})
@ConditionalOnProperty(value = "db-scheduler.enabled", matchIfMissing = true)
@Import({DeadlineSchedulerAutoConfiguration.Metrics.class, DbSchedulerAutoConfiguration.class})
public class DeadlineSchedulerAutoConfiguration {

    /** The starter's {@code db-scheduler-health} indicator, {@code dbScheduler} in {@code /actuator/health}. */
    @Bean
    @ConditionalOnBean(Scheduler.class)
    @ConditionalOnEnabledHealthIndicator("db-scheduler")
    HealthIndicator dbScheduler(Scheduler scheduler) {
        SchedulerState state = scheduler.getSchedulerState();
        return () -> {
            if (state.isStarted() && !state.isShuttingDown()) {
                return Health.up().withDetail("state", "started").build();
            }
            if (state.isStarted()) {
                return Health.outOfService().withDetail("state", "shutting_down").build();
            }
            return Health.down().withDetail("state", "not_started").build();
        };
    }

    /** Imported before the scheduler's configuration, which falls back to a no-op registry without it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        StatsRegistry dbSchedulerStatsRegistry(MeterRegistry registry, List<Task<?>> tasks) {
            return new MicrometerStatsRegistry(registry, tasks);
        }
    }
}

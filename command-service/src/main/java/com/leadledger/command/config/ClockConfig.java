package com.leadledger.command.config;

import com.leadledger.command.common.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Time and ids enter the domain only through these beans. */
@Configuration
class ClockConfig {

    private static final Logger log = LoggerFactory.getLogger(ClockConfig.class);

    /**
     * Microsecond ticks: what PostgreSQL keeps, so an instant reads back exactly as it was recorded and answered;
     * shifted only where {@link ClockProperties#offset()} says so. Persistent deadlines keep firing on real time.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(ClockProperties properties) {
        Duration offset = properties.offset();
        Clock ticking = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
        if (offset.isZero()) {
            return ticking;
        }
        log.warn("business time is shifted by {} (leadledger.clock.offset): for drills and tests only", offset);
        return Clock.offset(ticking, offset);
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }
}

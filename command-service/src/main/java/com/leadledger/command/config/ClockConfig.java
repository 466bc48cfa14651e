package com.leadledger.command.config;

import com.leadledger.command.common.IdGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

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
     * shifted only where {@link ClockProperties#offset()} says so, which only the local profile (drills, end-to-end
     * tests) may: anywhere else a shifted clock would date decisions falsely, so the service refuses to start.
     * Persistent deadlines keep firing on real time.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(ClockProperties properties, Environment environment) {
        Duration offset = properties.offset();
        if (!offset.isZero() && !environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("leadledger.clock.offset (LEADLEDGER_CLOCK_OFFSET) is " + offset
                    + ": business time may be shifted only in the local profile, never in a real deployment");
        }
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

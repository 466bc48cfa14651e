package com.leadledger.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Security point 11: business time can be shifted only in the local profile. */
class ClockConfigTest {

    @Configuration
    @EnableConfigurationProperties(ClockProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, ClockConfig.class);

    @Test
    void cannotStartWithAShiftedClockOutsideTheLocalProfile() {
        service.withPropertyValues("leadledger.clock.offset=P11D").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("LEADLEDGER_CLOCK_OFFSET").hasMessageContaining("local profile");
        });
    }

    @Test
    void canShiftTheClockInTheLocalProfile() {
        service.withPropertyValues("leadledger.clock.offset=P11D", "spring.profiles.active=local").run(context -> {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant shifted = context.getBean(Clock.class).instant();
            Instant after = Instant.now();
            assertThat(shifted).isBetween(before.plus(Duration.ofDays(11)), after.plus(Duration.ofDays(11)));
        });
    }

    @Test
    void canRunOnRealTimeEverywhere() {
        service.run(context -> assertThat(Duration.between(Instant.now(), context.getBean(Clock.class).instant()))
                .isLessThan(Duration.ofSeconds(5)));
    }
}

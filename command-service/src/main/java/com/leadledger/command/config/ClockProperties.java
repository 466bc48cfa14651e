package com.leadledger.command.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param offset shifts business time (never in production): only for drills and end-to-end tests that must act
 *               after a window has passed, on an instance started for that purpose ({@code LEADLEDGER_CLOCK_OFFSET})
 */
@ConfigurationProperties("leadledger.clock")
@Validated
public record ClockProperties(@NotNull @DefaultValue("PT0S") Duration offset) {
}

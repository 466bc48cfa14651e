package com.leadledger.command.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retries of commands that met an optimistic-lock conflict (jittered exponential back-off).
 *
 * @param maxRetries  retries before the conflict reaches the caller
 * @param retryBaseMs the first retry's ceiling; it doubles with each retry
 * @param retryCapMs  the ceiling no retry waits longer than
 */
@ConfigurationProperties("leadledger.commands")
@Validated
public record CommandRetryProperties(
        @Min(0) @DefaultValue("12") int maxRetries,
        @Min(1) @DefaultValue("10") long retryBaseMs,
        @Min(1) @DefaultValue("500") long retryCapMs) {
}

package com.leadledger.command.registration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Opportunities kept in memory between commands on one instance, so that a command on a long opportunity neither
 * parses its snapshot nor replays its events again.
 *
 * @param maximum opportunities kept at most; 0 keeps none (every command loads its opportunity from the event store)
 * @param idle    how long an opportunity stays kept without a command on it
 */
@ConfigurationProperties("leadledger.opportunity-cache")
@Validated
public record OpportunityCacheProperties(
        @Min(0) @DefaultValue("256") int maximum,
        @DefaultValue("10m") Duration idle) {
}

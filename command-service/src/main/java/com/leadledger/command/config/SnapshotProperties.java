package com.leadledger.command.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Aggregate snapshots: a cache of an aggregate's state so that a command replays only the events stored after it.
 *
 * @param enabled   whether snapshots are taken (snapshots already stored are used either way)
 * @param threshold events an aggregate's load and command may replay and apply before a snapshot is taken
 */
@ConfigurationProperties("leadledger.snapshots")
@Validated
public record SnapshotProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("100") int threshold) {
}

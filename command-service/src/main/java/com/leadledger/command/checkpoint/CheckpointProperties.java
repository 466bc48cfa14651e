package com.leadledger.command.checkpoint;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param enabled     whether this instance seals checkpoints ({@code LEADLEDGER_CHECKPOINTS_ENABLED})
 * @param interval    how often it looks for events to seal ({@code LEADLEDGER_CHECKPOINT_INTERVAL})
 * @param maxSpan     global indexes per checkpoint at most
 * @param lockTimeout how long sealing waits for inserts in flight before it gives up until the next run
 */
@ConfigurationProperties("leadledger.checkpoints")
@Validated
public record CheckpointProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("60s") Duration interval,
        @Min(1) @DefaultValue("10000") long maxSpan,
        @NotNull @DefaultValue("5s") Duration lockTimeout) {
}

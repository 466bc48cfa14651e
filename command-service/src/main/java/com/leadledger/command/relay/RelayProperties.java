package com.leadledger.command.relay;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param batchSize  outbox rows sent per round
 * @param idlePause  how long the relay waits when the outbox is empty
 * @param ackTimeout how long it waits for Kafka to acknowledge a round before trying again
 */
@ConfigurationProperties("leadledger.relay")
@Validated
public record RelayProperties(
        @Min(1) @DefaultValue("200") int batchSize,
        @NotNull @DefaultValue("20ms") Duration idlePause,
        @NotNull @DefaultValue("30s") Duration ackTimeout) {
}

package com.leadledger.command.relay;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param batchSize  outbox rows sent per round
 * @param safetyPoll how long the relay waits, with the outbox drained, for a notification of new rows before it looks
 *                   anyway (for notifications it could not hear, for example while its listening connection was down)
 * @param ackTimeout how long it waits for Kafka to acknowledge a round before trying again
 */
@ConfigurationProperties("leadledger.relay")
@Validated
public record RelayProperties(
        @Min(1) @DefaultValue("200") int batchSize,
        @NotNull @DefaultValue("5s") Duration safetyPoll,
        @NotNull @DefaultValue("30s") Duration ackTimeout) {
}

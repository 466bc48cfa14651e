package com.leadledger.kit.health;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param enabled whether {@code kafka} is part of {@code /actuator/health}
 * @param timeout how long the check waits for the broker
 */
@ConfigurationProperties("leadledger.health.kafka")
@Validated
public record KafkaHealthProperties(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("3s") Duration timeout) {
}

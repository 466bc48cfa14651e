package com.leadledger.kit.idempotency;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** @param retention how long the answer to an {@code Idempotency-Key} is kept */
@ConfigurationProperties("leadledger.idempotency")
@Validated
public record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration retention) {
}

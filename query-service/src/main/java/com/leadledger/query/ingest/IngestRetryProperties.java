package com.leadledger.query.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Retries of an event the projections refuse, before it is parked as a dead letter (exponential back-off).
 *
 * @param maxRetries      retries in place
 * @param initialInterval the first wait
 * @param maxInterval     the longest wait
 */
@ConfigurationProperties("leadledger.ingest.retry")
@Validated
public record IngestRetryProperties(
        @Min(0) @DefaultValue("5") int maxRetries,
        @NotNull @DefaultValue("200ms") Duration initialInterval,
        @NotNull @DefaultValue("5s") Duration maxInterval) {
}

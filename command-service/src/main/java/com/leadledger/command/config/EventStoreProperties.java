package com.leadledger.command.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The event store's shared tail, which this instance's tracking processors read newly stored events from.
 *
 * @param cachedEvents the newest events kept in memory for them; a processor further behind reads the store itself
 *                     until it has caught up
 * @param fetchDelay   how often the tail looks in the store for events it was not told of (those another instance
 *                     stored); this instance's own commits wake it at once
 */
@ConfigurationProperties("leadledger.event-store")
@Validated
public record EventStoreProperties(@Min(1) @DefaultValue("10000") int cachedEvents,
                                   @NotNull @DefaultValue("5s") Duration fetchDelay) {
}

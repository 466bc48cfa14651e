package com.leadledger.command.webhook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param signingKey     the key every partner's signing secret is derived from (with the secret's id); at least 32
 *                       characters; without it no webhook can be set (the local profile sets a development key)
 * @param allowLoopback  http URLs on loopback addresses are accepted (the local profile, for development); otherwise
 *                       only https URLs whose addresses are all public
 * @param secretOverlap  how long a replaced signing secret still signs deliveries
 * @param retryFor       how long a delivery is retried before it is FAILED
 * @param initialBackoff the pause after the first failed attempt; doubled after each further one (with jitter)
 * @param maxBackoff     the longest pause between attempts
 * @param connectTimeout how long a connection to an endpoint may take
 * @param readTimeout    how long an endpoint may take to answer
 * @param concurrency    deliveries in flight at once per instance (one per endpoint at most)
 * @param pollInterval   the shortest pause between two looks for new events to fan out, and for due deliveries
 * @param idlePoll       the longest: with nothing to do, how long the fan-out waits for this instance's commits and
 *                       the dispatcher for the next due delivery before they look anyway (for what other instances
 *                       stored, added or left)
 */
@ConfigurationProperties("leadledger.webhooks")
@Validated
public record WebhookProperties(
        String signingKey,
        @DefaultValue("false") boolean allowLoopback,
        @NotNull @DefaultValue("24h") Duration secretOverlap,
        @NotNull @DefaultValue("24h") Duration retryFor,
        @NotNull @DefaultValue("10s") Duration initialBackoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout,
        @Min(1) @DefaultValue("8") int concurrency,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("5s") Duration idlePoll) {
}

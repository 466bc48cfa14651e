package com.leadledger.command.webhook;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pause before a failed delivery's next attempt: doubled per attempt up to the maximum, of which half is jitter. */
class WebhookBackoffTest {

    private final WebhookDispatcher dispatcher = new WebhookDispatcher(null, null, null, null,
            new WebhookAddressPolicy(false), null, Clock.systemUTC(), new WebhookProperties(null, false,
            Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 8, Duration.ofSeconds(1)), new SimpleMeterRegistry());

    @Test
    void doublesThePausePerFailedAttemptTakingOffUpToHalfAtRandom() {
        assertBetween(1, Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertBetween(2, Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertBetween(3, Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertBetween(6, Duration.ofSeconds(160), Duration.ofSeconds(320));
    }

    @Test
    void neverWaitsLongerThanTheMaximumHoweverManyAttemptsFailed() {
        assertBetween(10, Duration.ofMinutes(30), Duration.ofHours(1));
        assertBetween(64, Duration.ofMinutes(30), Duration.ofHours(1));
        assertBetween(1_000, Duration.ofMinutes(30), Duration.ofHours(1));
    }

    @Test
    void spreadsTheRetriesOfDeliveriesThatFailedTogether() {
        Set<Duration> pauses = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            pauses.add(dispatcher.backoff(4));
        }
        assertThat(pauses).hasSizeGreaterThan(1);
    }

    private void assertBetween(int attempts, Duration least, Duration most) {
        for (int i = 0; i < 200; i++) {
            assertThat(dispatcher.backoff(attempts)).as("after %d attempts", attempts).isBetween(least, most);
        }
    }
}

package com.leadledger.command.webhook;

import com.leadledger.command.common.CommittedEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's timing: the pause before a failed delivery's next attempt, doubled per attempt up to the maximum, of
 * which half is jitter; and how long it waits before it looks for due deliveries again.
 */
class WebhookDispatcherTimingTest {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration IDLE_POLL = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final WebhookDispatcher dispatcher = new WebhookDispatcher(null, null, null, null,
            new WebhookAddressPolicy(false), null, Clock.systemUTC(), new WebhookProperties(null, false,
            Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 8, POLL_INTERVAL, IDLE_POLL),
            new CommittedEvents(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build()),
            new SimpleMeterRegistry());

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

    @Test
    void looksAgainWhenTheNextDeliveryFallsDue() {
        assertThat(dispatcher.untilNextLook(Optional.of(NOW.plusMillis(2_500)), NOW))
                .isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void waitsAtLeastThePollIntervalEvenForADeliveryDueNowThatItCouldNotTake() {
        assertThat(dispatcher.untilNextLook(Optional.of(NOW.minusSeconds(3)), NOW)).isEqualTo(POLL_INTERVAL);
        assertThat(dispatcher.untilNextLook(Optional.of(NOW.plusMillis(200)), NOW)).isEqualTo(POLL_INTERVAL);
    }

    @Test
    void looksAtLeastEveryIdlePollForWhatOtherInstancesAddedOrLeft() {
        assertThat(dispatcher.untilNextLook(Optional.of(NOW.plus(Duration.ofHours(1))), NOW)).isEqualTo(IDLE_POLL);
        assertThat(dispatcher.untilNextLook(Optional.empty(), NOW)).isEqualTo(IDLE_POLL);
    }

    private void assertBetween(int attempts, Duration least, Duration most) {
        for (int i = 0; i < 200; i++) {
            assertThat(dispatcher.backoff(attempts)).as("after %d attempts", attempts).isBetween(least, most);
        }
    }
}

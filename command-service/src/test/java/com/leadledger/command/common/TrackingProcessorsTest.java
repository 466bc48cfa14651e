package com.leadledger.command.common;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tracking processor registered as the command side's are: an idle one leaves its token alone for a third of the
 * claim timeout instead of renewing its claim every second, new events still reach it at once, the longer wait does
 * not hold up a shutdown, and an event its handler fails on is retried, never skipped.
 */
class TrackingProcessorsTest {

    private static final String GROUP = "effects";

    private final CountingTokenStore tokens = new CountingTokenStore();
    private final Effects effects = new Effects();
    private Configuration axon;

    @AfterEach
    void shutDown() {
        axon.shutdown();
    }

    @Test
    void anIdleProcessorRenewsItsClaimAtAThirdOfTheClaimTimeoutAndStillHandlesANewEventAtOnce() throws Exception {
        start(Duration.ofSeconds(30));
        publish("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> effects.handled.contains("first"));
        int renewalsBefore = tokens.claimRenewals.get();

        Thread.sleep(2500);
        assertThat(tokens.claimRenewals.get()).as("no renewal within 2.5 s of idling (Axon's default: every 1 s)")
                .isEqualTo(renewalsBefore);

        publish("second");
        await().atMost(Duration.ofSeconds(1)).until(() -> effects.handled.contains("second"));
    }

    @Test
    void anIdleProcessorStopsWithoutWaitingOutItsWaitForEvents() {
        start(Duration.ofSeconds(30));
        publish("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> effects.handled.contains("first"));

        long started = System.nanoTime();
        axon.eventProcessingConfiguration().eventProcessor(GROUP).orElseThrow().shutDown();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped within the termination timeout, "
                + "not after the 10 s wait for events").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anIdleProcessorStillRenewsItsClaimBeforeItTimesOut() {
        start(Duration.ofMillis(600));
        publish("first");
        await().atMost(Duration.ofSeconds(5)).until(() -> effects.handled.contains("first"));
        int renewalsBefore = tokens.claimRenewals.get();

        await().atMost(Duration.ofSeconds(2)).until(() -> tokens.claimRenewals.get() >= renewalsBefore + 2);
    }

    @Test
    void anEventItsHandlerFailsOnIsRetriedNotSkipped() {
        start(Duration.ofSeconds(30));
        effects.failuresLeft.set(1);

        publish("fails once");
        publish("after it");

        await().atMost(Duration.ofSeconds(10)).until(() -> effects.handled.size() == 2);
        assertThat(effects.handled).containsExactly("fails once", "after it");
    }

    private void start(Duration claimTimeout) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        configurer.eventProcessing().registerTokenStore(GROUP, c -> tokens).registerEventHandler(c -> effects);
        TrackingProcessors.register(configurer.eventProcessing(), GROUP, claimTimeout);
        axon = configurer.start();
    }

    private void publish(String event) {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(event));
    }

    @ProcessingGroup(GROUP)
    static final class Effects {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft = new AtomicInteger();

        @EventHandler
        void on(String event) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the effect failed this time");
            }
            handled.add(event);
        }
    }

    private static final class CountingTokenStore extends InMemoryTokenStore {

        final AtomicInteger claimRenewals = new AtomicInteger();

        @Override
        public void extendClaim(String processorName, int segment) {
            claimRenewals.incrementAndGet();
            super.extendClaim(processorName, segment);
        }
    }
}

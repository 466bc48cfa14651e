package com.leadledger.command.common;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the command side's tracking processors (dispute effects, points awarding) run: one thread on one segment, one
 * event per transaction, reading this instance's event store. Nothing is skipped: a handler's failure fails the
 * batch, which is retried from the same token.
 *
 * <p>While no event comes, a processor renews its claim on its segment at a third of the token store's claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s), not every second as Axon does by default, so an idle
 * instance does not write its token rows every second; new events still reach it at once (the event store's tail
 * wakes it on this instance's commits, every {@code leadledger.event-store.fetch-delay} for other instances'). Axon's
 * tail can miss such a wake-up when it comes between the processor's check for an event and its wait; the processor
 * then sees the event at its next check, up to one renewal interval later (3.3 s; 1 s with Axon's default).
 *
 * <p>So that the longer wait does not hold up a shutdown, stopping waits {@value #WORKER_TERMINATION_MILLIS} ms (Axon's
 * default: 5 s) for a processor's thread before it interrupts it: a wait for events ends at once; an event being
 * handled is rolled back and handled again after the restart, since its token was not stored.
 */
public final class TrackingProcessors {

    static final long WORKER_TERMINATION_MILLIS = 1000;

    private TrackingProcessors() {
    }

    /** Registers {@code processingGroup} as such a processor; the token store's claim timeout sets the renewal. */
    public static void register(EventProcessingConfigurer processing, String processingGroup, Duration claimTimeout) {
        processing.registerListenerInvocationErrorHandler(processingGroup, c -> PropagatingErrorHandler.instance());
        int claimRenewalMillis = Math.toIntExact(Math.max(1, claimTimeout.toMillis() / 3));
        processing.registerTrackingEventProcessor(processingGroup, Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(1)
                        .andInitialSegmentsCount(1)
                        .andEventAvailabilityTimeout(claimRenewalMillis, TimeUnit.MILLISECONDS)
                        .andWorkerTerminationTimeout(WORKER_TERMINATION_MILLIS));
    }
}

package com.leadledger.command.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store keeps as many new events in memory as set, and a processor behind them still misses nothing. */
class EventStoreTailTest {

    private static final int TAIL = 4;
    private static final int EVENTS = 20;

    private final ReadCountingStorage storage = new ReadCountingStorage();
    private final EmbeddedEventStore store = new EventStorageConfig().eventStore(storage,
            DefaultConfigurer.defaultConfiguration().buildConfiguration(), new EventStoreProperties(TAIL));

    private BlockingStream<TrackedEventMessage<?>> follower;

    @AfterEach
    void shutDown() {
        follower.close();
        store.shutDown();
    }

    @Test
    void aProcessorFurtherBehindThanTheTailReadsTheStoreItselfAndMissesNothing() throws InterruptedException {
        List<TrackedEventMessage<?>> published = publishAndFollow();
        int readsBefore = storage.trackedReads.get();

        List<Object> caughtUp = read(store.openStream(published.get(4).trackingToken()), EVENTS - 5);

        assertThat(caughtUp).containsExactlyElementsOf(payloads(5, EVENTS));
        assertThat(storage.trackedReads.get()).as("the events behind the tail were read from the store")
                .isGreaterThan(readsBefore);
    }

    @Test
    void aProcessorWithinTheTailIsServedFromMemory() throws InterruptedException {
        List<TrackedEventMessage<?>> published = publishAndFollow();
        int readsBefore = storage.trackedReads.get();

        List<Object> caughtUp = read(store.openStream(published.get(EVENTS - TAIL).trackingToken()), TAIL - 1);

        assertThat(caughtUp).containsExactlyElementsOf(payloads(EVENTS - TAIL + 1, EVENTS));
        assertThat(storage.trackedReads.get()).as("no read from the store").isEqualTo(readsBefore);
    }

    /**
     * Publishes the events one by one while a processor follows them and keeps following, as the tracking processors
     * do: the tail is kept while a processor reads from it.
     */
    private List<TrackedEventMessage<?>> publishAndFollow() throws InterruptedException {
        follower = store.openStream(null);
        List<TrackedEventMessage<?>> followed = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            store.publish(GenericEventMessage.asEventMessage("event-" + i));
            assertThat(follower.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            followed.add(follower.nextAvailable());
        }
        assertThat(followed.stream().map(event -> (Object) event.getPayload()).toList())
                .containsExactlyElementsOf(payloads(0, EVENTS));
        return followed;
    }

    private static List<Object> read(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        try (stream) {
            while (payloads.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                payloads.add(stream.nextAvailable().getPayload());
            }
        }
        return payloads;
    }

    private static List<Object> payloads(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (Object) ("event-" + i)).toList();
    }

    /**
     * Reads as the JDBC engine does, what is stored when the read starts (the in-memory engine's streams would go on
     * showing what is appended later). Counts the reads a processor's own stream makes, on the processor's thread (here
     * the test's); the tail's producer reads the store on a thread of its own.
     */
    private static final class ReadCountingStorage extends InMemoryEventStorageEngine {

        private final Thread processorThread = Thread.currentThread();
        private final AtomicInteger trackedReads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            if (Thread.currentThread() == processorThread) {
                trackedReads.incrementAndGet();
            }
            return super.readEvents(trackingToken, mayBlock).toList().stream();
        }
    }
}

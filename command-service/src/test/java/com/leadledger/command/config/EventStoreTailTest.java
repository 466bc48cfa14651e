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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store keeps as many new events in memory as set, and a processor behind them still misses nothing; its tail
 * is woken by this instance's commits and looks in the store for other instances' events every fetch delay only.
 */
class EventStoreTailTest {

    private static final int TAIL = 4;
    private static final int EVENTS = 20;

    private final ReadCountingStorage storage = new ReadCountingStorage();
    private EmbeddedEventStore store = storeLookingEvery(Duration.ofSeconds(1));

    private BlockingStream<TrackedEventMessage<?>> follower;

    @AfterEach
    void shutDown() {
        follower.close();
        store.shutDown();
    }

    @Test
    void anIdleTailLooksInTheStoreOnlyEveryFetchDelayAndThisInstancesCommitsWakeIt() throws InterruptedException {
        store.shutDown();
        store = storeLookingEvery(Duration.ofMinutes(10));
        publishAndFollow();
        int tailReadsBefore = storage.awaitTailCaughtUp();

        Thread.sleep(1500);
        assertThat(storage.tailReads.get()).as("no look in the store while idle").isEqualTo(tailReadsBefore);

        storage.appendEvents(GenericEventMessage.asEventMessage("stored by another instance"));
        assertThat(availableWithin(follower, Duration.ofSeconds(1))).as("not looked for before the fetch delay")
                .isFalse();

        store.publish(GenericEventMessage.asEventMessage("stored here"));
        assertThat(read(follower, 2)).containsExactly("stored by another instance", "stored here");
    }

    @Test
    void anEventAnotherInstanceStoredReachesAProcessorAfterTheFetchDelay() throws InterruptedException {
        store.shutDown();
        store = storeLookingEvery(Duration.ofMillis(200));
        publishAndFollow();

        storage.appendEvents(GenericEventMessage.asEventMessage("stored by another instance"));

        assertThat(availableWithin(follower, Duration.ofSeconds(5))).isTrue();
        assertThat(follower.nextAvailable().getPayload()).isEqualTo("stored by another instance");
    }

    @Test
    void aProcessorFurtherBehindThanTheTailReadsTheStoreItselfAndMissesNothing() throws InterruptedException {
        List<TrackedEventMessage<?>> published = publishAndFollow();
        int readsBefore = storage.trackedReads.get();

        List<Object> caughtUp;
        try (BlockingStream<TrackedEventMessage<?>> behind = store.openStream(published.get(4).trackingToken())) {
            caughtUp = read(behind, EVENTS - 5);
        }

        assertThat(caughtUp).containsExactlyElementsOf(payloads(5, EVENTS));
        assertThat(storage.trackedReads.get()).as("the events behind the tail were read from the store")
                .isGreaterThan(readsBefore);
    }

    @Test
    void aProcessorWithinTheTailIsServedFromMemory() throws InterruptedException {
        List<TrackedEventMessage<?>> published = publishAndFollow();
        int readsBefore = storage.trackedReads.get();

        List<Object> caughtUp;
        TrackingToken lastBeforeTail = published.get(EVENTS - TAIL).trackingToken();
        try (BlockingStream<TrackedEventMessage<?>> within = store.openStream(lastBeforeTail)) {
            caughtUp = read(within, TAIL - 1);
        }

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
            assertThat(availableWithin(follower, Duration.ofSeconds(5))).isTrue();
            followed.add(follower.nextAvailable());
        }
        assertThat(followed.stream().map(event -> (Object) event.getPayload()).toList())
                .containsExactlyElementsOf(payloads(0, EVENTS));
        return followed;
    }

    private EmbeddedEventStore storeLookingEvery(Duration fetchDelay) {
        return new EventStorageConfig().eventStore(storage, DefaultConfigurer.defaultConfiguration()
                .buildConfiguration(), new EventStoreProperties(TAIL, fetchDelay));
    }

    /** Reads up to {@code count} events; the stream stays open (the follower's is closed after each test). */
    private static List<Object> read(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (payloads.size() < count && availableWithin(stream, Duration.ofSeconds(5))) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    /**
     * Whether the stream has an event within the timeout, looked for in short waits: Axon's tail can miss a wake-up
     * between its check for a new event and its wait (the event's signal comes in between), and then sees the event
     * at its next check; a single long wait would wait out the whole timeout. A tracking processor checks again
     * after each wait for events (a third of the claim timeout).
     */
    private static boolean availableWithin(BlockingStream<TrackedEventMessage<?>> stream, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static List<Object> payloads(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (Object) ("event-" + i)).toList();
    }

    /**
     * Reads as the JDBC engine does, what is stored when the read starts (the in-memory engine's streams would go on
     * showing what is appended later). Counts the reads a processor's own stream makes, on the processor's thread (here
     * the test's), apart from those of the tail's producer, which reads the store on a thread of its own.
     */
    private static final class ReadCountingStorage extends InMemoryEventStorageEngine {

        private final Thread processorThread = Thread.currentThread();
        private final AtomicInteger trackedReads = new AtomicInteger();
        private final AtomicInteger tailReads = new AtomicInteger();
        private volatile boolean lastTailReadFoundNothing;
        private volatile long lastTailReadNanos = System.nanoTime();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            boolean byTail = Thread.currentThread() != processorThread;
            (byTail ? tailReads : trackedReads).incrementAndGet();
            List<? extends TrackedEventMessage<?>> read = super.readEvents(trackingToken, mayBlock).toList();
            if (byTail) {
                lastTailReadFoundNothing = read.isEmpty();
                lastTailReadNanos = System.nanoTime();
            }
            return read.stream();
        }

        /**
         * Waits until the tail's last read found nothing and it has made no read for 300 ms, and returns its reads so
         * far: once it has handed out the last event it reads the store again (finding nothing) before it waits, and
         * that read can come after the follower already has the event.
         */
        int awaitTailCaughtUp() {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                    lastTailReadFoundNothing && System.nanoTime() - lastTailReadNanos > Duration.ofMillis(300).toNanos());
            return tailReads.get();
        }
    }
}

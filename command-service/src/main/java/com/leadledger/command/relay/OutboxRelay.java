package com.leadledger.command.relay;

import com.leadledger.command.common.CommittedEvents;
import com.leadledger.command.common.Signal;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.kit.kafka.EventTopicProperties;
import com.leadledger.events.envelope.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, at least once and in order per aggregate, from {@code relay_outbox} (see
 * {@code V14__relay_outbox.sql} for why not by global index). One batch per transaction: the oldest outbox rows with
 * their events are read, all are sent (key = aggregate id) and every send is awaited (acks=all); only then are the
 * rows deleted and the transaction committed. A failed send rolls back and the batch is sent again after a pause;
 * consumers deduplicate by event id. Across instances one relays at a time (an advisory lock per batch), so batches
 * never overtake each other.
 *
 * <p>It does not poll: once the outbox is drained it waits until this instance commits events ({@link CommittedEvents}),
 * and drains again at least every {@code safety-poll} for rows it was not told of (events committed by an instance
 * whose relay stopped; rows restored from a backup). While another instance holds the lock it tries again every
 * {@value #BUSY_RETRY_MILLIS} ms, since that instance may have read its batch before this one's events committed.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x4c4c_5245_4c41_5900L; // "LLRELAY"
    private static final long BUSY_RETRY_MILLIS = 20;
    /** What {@link #relayBatch()} returns while another instance relays. */
    private static final int ANOTHER_INSTANCE_RELAYS = -1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final EnvelopeFactory envelopes;
    private final String topic;
    private final Duration ackTimeout;
    private final int batchSize;
    private final Duration safetyPoll;
    /** Raised after each commit of events by this instance. */
    private final Signal committed;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
                @Qualifier("eventSerializer") Serializer eventSerializer, MeterRegistry meters,
                EventTopicProperties events, RelayProperties relay, CommittedEvents committedEvents) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.envelopes = new EnvelopeFactory(codec, eventSerializer);
        this.topic = events.topic();
        this.ackTimeout = relay.ackTimeout();
        this.batchSize = relay.batchSize();
        this.safetyPoll = relay.safetyPoll();
        this.committed = committedEvents.newSignal();
        this.published = meters.counter("leadledger.relay.published");
        this.failures = meters.counter("leadledger.relay.failures");
        Gauge.builder("leadledger.relay.backlog", this, OutboxRelay::backlog)
                .description("stored events not yet acknowledged by Kafka").register(meters);
    }

    /** Publishes one batch; returns how many events it published, or {@link #ANOTHER_INSTANCE_RELAYS}. */
    int relayBatch() {
        Integer sent = transactions.execute(tx -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                    RELAY_LOCK))) {
                return ANOTHER_INSTANCE_RELAYS;
            }
            List<EventEnvelope> batch = jdbc.query("SELECT " + EnvelopeFactory.COLUMNS + """
                     FROM relay_outbox o JOIN domainevententry e ON e.globalindex = o.global_index
                    ORDER BY o.global_index LIMIT ?""", (rs, n) -> envelopes.envelopeOf(rs), batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            sendAndAwait(batch);
            jdbc.update("DELETE FROM relay_outbox WHERE global_index = ANY(?)",
                    (Object) batch.stream().map(EventEnvelope::globalIndex).toArray(Long[]::new));
            return batch.size();
        });
        int result = sent == null ? 0 : sent;
        published.increment(Math.max(0, result));
        return result;
    }

    private void sendAndAwait(List<EventEnvelope> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (EventEnvelope envelope : batch) {
            sends.add(kafka.send(new ProducerRecord<>(topic, envelope.aggregateId(), codec.encode(envelope))));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }

    /** A batch smaller than the batch size drained the outbox; a full one may have left rows behind. */
    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                int sent = relayBatch();
                backoff = Duration.ofMillis(200);
                if (sent == ANOTHER_INSTANCE_RELAYS) {
                    sleep(Duration.ofMillis(BUSY_RETRY_MILLIS));
                } else if (sent < batchSize) {
                    committed.await(safetyPoll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("relay batch failed; retrying in {}: {}", backoff, e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    private double backlog() {
        try {
            Long rows = jdbc.queryForObject("SELECT count(*) FROM relay_outbox", Long.class);
            return rows == null ? Double.NaN : rows;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::loop, "kafka-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Finishes the batch in flight (its events are then acknowledged and dequeued), then stops. */
    @Override
    public synchronized void stop() {
        running = false;
        committed.signal();
        if (worker != null) {
            try {
                worker.join(ackTimeout.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package com.leadledger.command.relay;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, at least once and in order per aggregate. It runs in a tracking event
 * processor whose token lives in PostgreSQL: the sends of a batch are awaited (acks=all) before the unit of work
 * commits, so the token only moves past events Kafka has acknowledged. A failed send fails the batch, which the
 * processor retries from the old token; consumers deduplicate by event id.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final EnvelopeCodec codec;
    private final EnvelopeFactory envelopes;
    private final String topic;
    private final Duration ackTimeout;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka,
               @Value("${leadledger.kafka.topic}") String topic,
               @Value("${leadledger.kafka.ack-timeout:30s}") Duration ackTimeout) {
        this.kafka = kafka;
        this.codec = new EnvelopeCodec();
        this.envelopes = new EnvelopeFactory(codec);
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @EventHandler
    void publish(EventMessage<?> message) {
        EventEnvelope envelope = envelopes.envelopeOf(message);
        CompletableFuture<?> sent = kafka.send(
                new ProducerRecord<>(topic, envelope.aggregateId(), codec.encode(envelope)));
        pendingSendsOfThisBatch().add(sent);
    }

    private List<CompletableFuture<?>> pendingSendsOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(uow -> awaitAcks(pending));
            return pending;
        });
    }

    private void awaitAcks(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }
}

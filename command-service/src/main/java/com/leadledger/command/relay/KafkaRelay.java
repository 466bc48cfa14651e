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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, at least once and in order per aggregate. It runs in a tracking event
 * processor whose token lives in PostgreSQL. The events of a batch are collected; before the batch's unit of work
 * commits, their stored form and hashes are read in one query, all are sent (key = aggregate id) and every send is
 * awaited (acks=all), so the token only moves past events Kafka has acknowledged. A failed send fails the batch, which
 * the processor retries from the old token; consumers deduplicate by event id.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String BATCH = KafkaRelay.class.getName() + ".batch";

    private final KafkaTemplate<String, byte[]> kafka;
    private final StoredForms storedForms;
    private final EnvelopeCodec codec;
    private final EnvelopeFactory envelopes;
    private final String topic;
    private final Duration ackTimeout;

    KafkaRelay(KafkaTemplate<String, byte[]> kafka, StoredForms storedForms,
               @Value("${leadledger.kafka.topic}") String topic,
               @Value("${leadledger.kafka.ack-timeout:30s}") Duration ackTimeout) {
        this.kafka = kafka;
        this.storedForms = storedForms;
        this.codec = new EnvelopeCodec();
        this.envelopes = new EnvelopeFactory(codec);
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    @EventHandler
    void publish(EventMessage<?> message) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(BATCH, key -> {
            List<EventMessage<?>> messages = new ArrayList<>();
            batch.onPrepareCommit(uow -> sendAndAwait(messages));
            return messages;
        }).add(message);
    }

    private void sendAndAwait(List<EventMessage<?>> messages) {
        Map<String, EventEnvelope.Integrity> stored =
                storedForms.of(messages.stream().map(EventMessage::getIdentifier).toList());
        List<CompletableFuture<?>> sends = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            EventEnvelope envelope = envelopes.envelopeOf(message, stored.get(message.getIdentifier()));
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
}

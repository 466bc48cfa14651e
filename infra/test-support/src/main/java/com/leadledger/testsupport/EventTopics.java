package com.leadledger.testsupport;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** What the relay published on an event topic of the test Kafka broker. */
public final class EventTopics {

    private EventTopics() {
    }

    /**
     * The first envelope on the topic that matches, read from the beginning with a fresh consumer group; its record must
     * be keyed by its aggregate id.
     */
    public static EventEnvelope awaitEnvelope(String topic, Predicate<EventEnvelope> wanted, Duration timeout) {
        EnvelopeCodec codec = new EnvelopeCodec();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = codec.decode(record.value());
                    if (wanted.test(envelope)) {
                        if (!record.key().equals(envelope.aggregateId())) {
                            throw new AssertionError("record key " + record.key() + " is not the aggregate id");
                        }
                        return envelope;
                    }
                }
            }
        }
        throw new AssertionError("no matching envelope on " + topic + " within " + timeout);
    }
}

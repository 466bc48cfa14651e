package com.leadledger.command.it;

import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Points a command-service test context at a fresh database on the real PostgreSQL and its own topic on real Kafka. */
final class RealInfrastructure {

    private RealInfrastructure() {
    }

    /** The first envelope on the topic that matches, read from the beginning with a fresh consumer group. */
    static EventEnvelope awaitEnvelope(String topic, Predicate<EventEnvelope> wanted) {
        EnvelopeCodec codec = new EnvelopeCodec();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
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
        throw new AssertionError("no matching envelope on " + topic + " within 30 s");
    }

    static void register(DynamicPropertyRegistry registry, String name) {
        var pg = TestInfrastructure.postgres();
        String url = pg.jdbcUrl(pg.freshDatabase(name));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("leadledger.kafka.topic", () -> "leadledger.events." + name + "-" + UUID.randomUUID());
    }
}

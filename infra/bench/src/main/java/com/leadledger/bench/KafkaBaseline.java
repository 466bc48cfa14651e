package com.leadledger.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of scenario 3: Kafka produce to consume of the same envelope bytes, with the command service's producer
 * settings (acks=all, idempotent, linger 5 ms), 6 partitions, at the scenario's rate.
 */
final class KafkaBaseline {

    private final BenchConfig config;
    private final BenchStack stack;
    private final int rate;

    KafkaBaseline(Harness harness) {
        this.config = harness.config;
        this.stack = harness.stack;
        this.rate = harness.fixedRate();
    }

    /** A real RegistrationSubmitted envelope from the event topic. */
    byte[] sampleEnvelope() {
        try (KafkaConsumer<byte[], byte[]> consumer = stack.byteConsumer()) {
            List<TopicPartition> parts = consumer.partitionsFor(stack.topic).stream()
                    .map(p -> new TopicPartition(stack.topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(rec.value(), StandardCharsets.UTF_8).contains("RegistrationSubmitted")) {
                        return rec.value();
                    }
                }
            }
        }
        throw new IllegalStateException("no RegistrationSubmitted envelope found on " + stack.topic);
    }

    /** Latencies (ns) of one round: the envelope produced at the scenario's rate, consumed from 6 partitions. */
    long[] round(byte[] envelope, int round) throws Exception {
        String topic = "bench.kafka-baseline." + round + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        int total = (int) Math.round(rate * config.roundSeconds());
        long[] latencies = new long[total];
        AtomicInteger received = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = stack.byteConsumer()) {
                List<TopicPartition> parts = new ArrayList<>();
                for (int p = 0; p < 6; p++) {
                    parts.add(new TopicPartition(topic, p));
                }
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                parts.forEach(consumer::position);
                ready.countDown();
                while (!stop.get() && received.get() < total) {
                    for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header h = rec.headers().lastHeader("sent");
                        int i = received.getAndIncrement();
                        if (i < total) {
                            latencies[i] = now - ByteBuffer.wrap(h.value()).getLong();
                        }
                    }
                }
            }
        }, "bench-kafka-consumer");
        consumerThread.start();
        ready.await(30, TimeUnit.SECONDS);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", stack.kafkaBootstrap);
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("max.in.flight.requests.per.connection", "5");
        props.put("linger.ms", "5");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic); // metadata before the clock starts
            long start = System.nanoTime() + 10_000_000;
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long intended = start + i * interval;
                OpenLoop.waitUntil(intended);
                ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, UUID.randomUUID().toString(), envelope);
                rec.headers().add("sent", ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
                producer.send(rec);
            }
            producer.flush();
        }
        consumerThread.join(30_000);
        stop.set(true);
        consumerThread.join(5_000);
        int n = Math.min(received.get(), total);
        long[] result = new long[n];
        System.arraycopy(latencies, 0, result, 0, n);
        return result;
    }
}

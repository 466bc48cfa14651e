package com.leadledger.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Reads the event topic from its end while a round runs: registrationId -> the record's CreateTime (ms). */
final class TopicTap implements AutoCloseable {

    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    TopicTap(BenchStack stack) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = stack.byteConsumer()) {
                List<TopicPartition> parts = consumer.partitionsFor(stack.topic).stream()
                        .map(p -> new TopicPartition(stack.topic, p.partition())).toList();
                consumer.assign(parts);
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position);
                ready.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(100))) {
                        try {
                            var env = Load.JSON.readTree(rec.value());
                            if ("RegistrationSubmitted".equals(env.path("eventType").asText())) {
                                sentAt.put(env.path("payload").path("registrationId").asText(), rec.timestamp());
                            }
                        } catch (IOException ignored) {
                            // not an envelope
                        }
                    }
                }
            } finally {
                ready.countDown();
            }
        }, "bench-topic-tap");
        thread.start();
        ready.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        Thread.sleep(300);
        stop.set(true);
        thread.join(5_000);
    }
}

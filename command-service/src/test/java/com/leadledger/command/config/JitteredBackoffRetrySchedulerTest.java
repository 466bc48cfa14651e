package com.leadledger.command.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JitteredBackoffRetrySchedulerTest {

    @Test
    void waitsAreRandomBelowACeilingThatDoublesPerFailureUpToTheCap() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            JitteredBackoffRetryScheduler scheduler = JitteredBackoffRetryScheduler.builder()
                    .retryExecutor(executor).maxRetryCount(12).baseMillis(10).capMillis(500).build();
            List<Class<? extends Throwable>[]> failures = new ArrayList<>();
            for (int attempt = 1; attempt <= 10; attempt++) {
                failures.add(null);
                long ceiling = Math.min(500, 10L << (attempt - 1));
                Set<Long> waits = new HashSet<>();
                for (int i = 0; i < 200; i++) {
                    long wait = scheduler.computeRetryInterval(null, null, failures);
                    assertThat(wait).isBetween(0L, ceiling);
                    waits.add(wait);
                }
                assertThat(waits).as("collided commands do not retry in lockstep").hasSizeGreaterThan(5);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRetryRunsThroughTheTaskDecoratorOnTheRetryThread() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "retry"));
        try {
            List<String> log = new CopyOnWriteArrayList<>();
            JitteredBackoffRetryScheduler scheduler = JitteredBackoffRetryScheduler.builder()
                    .retryExecutor(executor).maxRetryCount(3).baseMillis(1).capMillis(1)
                    .taskDecorator(task -> {
                        log.add("decorated on " + Thread.currentThread().getName());
                        return () -> {
                            log.add("decorator around the retry on " + Thread.currentThread().getName());
                            task.run();
                        };
                    })
                    .build();
            CountDownLatch dispatched = new CountDownLatch(1);
            boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("retry me"),
                    new IllegalStateException("conflict"), new ArrayList<>(), () -> {
                        log.add("dispatched on " + Thread.currentThread().getName());
                        dispatched.countDown();
                    });

            assertThat(scheduled).isTrue();
            assertThat(dispatched.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log).containsExactly("decorated on " + Thread.currentThread().getName(),
                    "decorator around the retry on retry", "dispatched on retry");
        } finally {
            executor.shutdownNow();
        }
    }
}

package com.leadledger.command.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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
}

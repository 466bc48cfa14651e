package com.leadledger.command.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the checkpoint writer every {@link CheckpointProperties#interval()} on one daemon thread, when enabled, and once
 * at start-up signs the tree heads that checkpoints sealed before an upgrade still lack.
 */
@Component
@ConditionalOnProperty(value = "leadledger.checkpoints.enabled", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final CheckpointWriter writer;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(CheckpointWriter writer, CheckpointProperties properties) {
        this.writer = writer;
        this.interval = properties.interval();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::signMissingTreeHeads);
        executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            writer.writeDue();
        } catch (RuntimeException e) {
            // the next run retries from the last sealed checkpoint; nothing is half-written
            log.warn("sealing checkpoints failed: {}", e.toString());
        }
    }

    /** At start-up: checkpoints sealed before tree heads existed get theirs without waiting for new events. */
    private void signMissingTreeHeads() {
        try {
            writer.signMissingTreeHeads();
        } catch (RuntimeException e) {
            log.warn("signing the tree heads of earlier checkpoints failed (the next run retries): {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

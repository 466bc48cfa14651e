package com.leadledger.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.springframework.core.task.TaskDecorator;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries transient command failures (optimistic-lock conflicts between instances) after a random wait between zero
 * and an exponentially growing ceiling ("full jitter"). Commands that collided once must not retry in lockstep, or
 * they collide again: with a fixed interval, thirty concurrent submissions on one opportunity across two instances
 * could exhaust their retries under load. A retry runs on the retry executor's thread; the task decorator carries what
 * the request's thread knows (its Idempotency-Key claim) to it.
 */
final class JitteredBackoffRetryScheduler extends AbstractRetryScheduler {

    private final long baseMillis;
    private final long capMillis;
    private final TaskDecorator taskDecorator;

    private JitteredBackoffRetryScheduler(Builder builder) {
        super(builder);
        this.baseMillis = builder.baseMillis;
        this.capMillis = builder.capMillis;
        this.taskDecorator = builder.taskDecorator;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        int attempt = Math.max(failures.size(), 1);
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    @Override
    protected boolean scheduleRetry(Runnable commandDispatch, long interval) {
        return super.scheduleRetry(taskDecorator.decorate(commandDispatch), interval);
    }

    static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
        private long baseMillis = 10;
        private long capMillis = 500;
        private TaskDecorator taskDecorator = task -> task;

        Builder baseMillis(long baseMillis) {
            this.baseMillis = baseMillis;
            return this;
        }

        Builder capMillis(long capMillis) {
            this.capMillis = capMillis;
            return this;
        }

        Builder taskDecorator(TaskDecorator taskDecorator) {
            this.taskDecorator = taskDecorator;
            return this;
        }

        JitteredBackoffRetryScheduler build() {
            validate();
            return new JitteredBackoffRetryScheduler(this);
        }
    }
}

package com.leadledger.command.webhook;

import com.leadledger.command.common.CommittedEvents;
import com.leadledger.command.common.Signal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs the webhook pipeline: a fan-out thread turns committed events into deliveries ({@link WebhookFanOut}), at most
 * once a poll interval (not at each commit as the Kafka relay does: webhooks can wait a second, and under a burst of
 * commands the connections are the commands'), and only when this instance committed events or the idle poll passed;
 * a dispatch thread hands due deliveries to a bounded pool, at most one in flight per partner, so a slow or dead
 * endpoint holds one worker and never delays the others. The dispatcher looks again when the fan-out took events, an
 * attempt ended or a delivery was asked for again, and otherwise when the next delivery falls due (never sooner than
 * the poll interval, never later than the idle poll, which covers what other instances added or left).
 * Every attempt is signed when it is sent; a failed one is retried after an exponential back-off with jitter until the
 * delivery's retry period ends, then the delivery is FAILED. At least once: a delivery is claimed with a lease, so an
 * instance stopping mid-attempt leaves it to be sent again; receivers de-duplicate by {@code LeadLedger-Event-Id}.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookFanOut fanOut;
    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookSecrets secrets;
    private final WebhookAddressPolicy addresses;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties properties;
    private final Signal stopping = new Signal();
    private final Signal due = new Signal();
    /** Raised after each commit of events by this instance. */
    private final Signal committed;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Counter failedAttempts;
    private volatile boolean running;
    /** The HTTP client of one start-to-stop run: stopping closes it, so each start makes its own. */
    private volatile WebhookSender sender;
    private ExecutorService pool;
    private Thread fanOutThread;
    private Thread dispatchThread;

    WebhookDispatcher(WebhookFanOut fanOut, WebhookDeliveries deliveries, WebhookSubscriptions subscriptions,
                      WebhookSecrets secrets, WebhookAddressPolicy addresses, TransactionTemplate transactions,
                      Clock clock, WebhookProperties properties, CommittedEvents committedEvents,
                      MeterRegistry meters) {
        this.fanOut = fanOut;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.addresses = addresses;
        this.sender = new WebhookSender(addresses, properties);
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.committed = committedEvents.newSignal();
        this.delivered = meters.counter("leadledger.webhooks.delivered");
        this.failedAttempts = meters.counter("leadledger.webhooks.failed-attempts");
    }

    /** A redelivery was asked for: look for due deliveries now. */
    void wake() {
        due.signal();
    }

    private void fanOutLoop() {
        while (running) {
            try {
                int taken = fanOut.fanOutBatch();
                if (taken > 0) {
                    due.signal();
                }
                if (taken < WebhookFanOut.BATCH_SIZE) {
                    stopping.await(properties.pollInterval());
                    if (running) {
                        committed.await(properties.idlePoll());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook fan-out failed; retrying: {}", e.toString());
                pause(properties.pollInterval());
            }
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                int free = properties.concurrency() - inFlight.size();
                if (free > 0) {
                    claim(free).forEach(this::submit);
                }
                due.await(untilNextLook(deliveries.nextDue(), clock.instant()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook dispatch failed; retrying: {}", e.toString());
                pause(properties.pollInterval());
            }
        }
    }

    /** Until the next pending delivery falls due, within the poll interval and the idle poll. */
    Duration untilNextLook(Optional<Instant> nextDue, Instant now) {
        Duration wait = nextDue.map(due -> Duration.between(now, due)).orElse(properties.idlePoll());
        if (wait.compareTo(properties.pollInterval()) < 0) {
            return properties.pollInterval();
        }
        return wait.compareTo(properties.idlePoll()) > 0 ? properties.idlePoll() : wait;
    }

    private List<WebhookDeliveries.Delivery> claim(int free) {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(properties.connectTimeout()).plus(properties.readTimeout()).plusSeconds(30);
        List<WebhookDeliveries.Delivery> claimed = transactions.execute(tx -> {
            List<WebhookDeliveries.Delivery> rows = deliveries.due(now, List.copyOf(inFlight), free);
            rows.forEach(row -> deliveries.lease(row.id(), leaseEnd));
            return rows;
        });
        return claimed == null ? List.of() : claimed;
    }

    private void submit(WebhookDeliveries.Delivery delivery) {
        inFlight.add(delivery.partnerId());
        pool.execute(() -> {
            try {
                attempt(delivery);
            } catch (RuntimeException e) {
                log.warn("webhook delivery {} could not be settled: {}", delivery.id(), e.toString());
            } finally {
                inFlight.remove(delivery.partnerId());
                due.signal();
            }
        });
    }

    void attempt(WebhookDeliveries.Delivery delivery) {
        var subscription = subscriptions.find(delivery.partnerId());
        Instant now = clock.instant();
        if (subscription.isEmpty()) {
            deliveries.settle(delivery.id(), WebhookDeliveries.Status.FAILED, 0, "the webhook was removed", now, now);
            return;
        }
        List<String> signingSecrets = subscription.get().signingSecretIds(now).stream()
                .map(secretId -> secrets.secret(delivery.partnerId(), secretId)).toList();
        String signature = WebhookSignature.header(now.getEpochSecond(), delivery.body(), signingSecrets);
        WebhookSender.Outcome outcome = sender.send(URI.create(subscription.get().url()), delivery.eventId(),
                signature, delivery.body());
        Instant after = clock.instant();
        if (outcome.delivered()) {
            delivered.increment();
            deliveries.settle(delivery.id(), WebhookDeliveries.Status.DELIVERED, outcome.httpStatus(), null, after,
                    after);
            return;
        }
        failedAttempts.increment();
        Instant next = after.plus(backoff(delivery.attempts() + 1));
        boolean givingUp = next.isAfter(delivery.retryUntil());
        deliveries.settle(delivery.id(), givingUp ? WebhookDeliveries.Status.FAILED : WebhookDeliveries.Status.PENDING,
                outcome.httpStatus(), outcome.error(), after, givingUp ? after : next);
    }

    /** initial × 2^(attempts − 1), at most the maximum, of which a random half is taken off (jitter). */
    Duration backoff(int attempts) {
        Duration full = properties.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
        if (full.compareTo(properties.maxBackoff()) > 0 || full.isNegative()) {
            full = properties.maxBackoff();
        }
        long millis = full.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (sender == null) { // started again after a stop (a paused test context, a lifecycle restart)
            sender = new WebhookSender(addresses, properties);
        }
        running = true;
        pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        fanOutThread = daemon(this::fanOutLoop, "webhook-fan-out");
        dispatchThread = daemon(this::dispatchLoop, "webhook-dispatch");
    }

    private static Thread daemon(Runnable loop, String name) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops claiming; attempts in flight get their timeouts to finish (an unfinished one is sent again later). */
    @Override
    public synchronized void stop() {
        running = false;
        stopping.signal();
        committed.signal();
        due.signal();
        try {
            for (Thread thread : new Thread[]{fanOutThread, dispatchThread}) {
                if (thread != null) {
                    thread.join(5_000);
                }
            }
            if (pool != null) {
                pool.shutdown();
                pool.awaitTermination(properties.connectTimeout().plus(properties.readTimeout()).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            WebhookSender closing = sender;
            sender = null;
            if (closing != null) {
                closing.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("closing the webhook HTTP client: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

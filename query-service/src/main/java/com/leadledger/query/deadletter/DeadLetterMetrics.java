package com.leadledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code leadledger.ingest.dead_letters{status=parked|queued}}: open dead letters in the database (all instances),
 * read at most every {@link #MAX_AGE} when scraped; counters of what was parked, resolved and retried in vain.
 * Alert on the sum over both statuses being above 0.
 */
@Component
public class DeadLetterMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMetrics.class);

    public static final String GAUGE = "leadledger.ingest.dead_letters";
    public static final String PARKED_COUNTER = "leadledger.ingest.dead_letters.parked";
    public static final String RESOLVED_COUNTER = "leadledger.ingest.dead_letters.resolved";
    public static final String DISCARDED_COUNTER = "leadledger.ingest.dead_letters.discarded";
    public static final String RETRY_FAILED_COUNTER = "leadledger.ingest.dead_letters.retry_failed";
    static final Duration MAX_AGE = Duration.ofSeconds(2);
    /** After a failed read (database unavailable) the last values are kept this long before reading again. */
    static final Duration BACK_OFF = Duration.ofSeconds(30);

    private final DeadLetterRepository store;
    private final MeterRegistry meters;
    private final Clock clock;
    private Map<DeadLetterStatus, Long> counts = Map.of();
    private Instant nextRead = Instant.MIN;

    public DeadLetterMetrics(DeadLetterRepository store, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder(GAUGE, () -> open(DeadLetterStatus.PARKED)).tag("status", "parked")
                .description("dead letters waiting for an operator's retry").register(meters);
        Gauge.builder(GAUGE, () -> open(DeadLetterStatus.QUEUED)).tag("status", "queued")
                .description("events stored but waiting, unapplied, behind a dead letter of their aggregate")
                .register(meters);
    }

    private synchronized double open(DeadLetterStatus status) {
        Instant now = clock.instant();
        if (!now.isBefore(nextRead)) {
            try {
                counts = store.openCounts();
                nextRead = now.plus(MAX_AGE);
            } catch (RuntimeException e) {
                log.warn("cannot count dead letters: {}", e.toString());
                nextRead = now.plus(BACK_OFF);
            }
        }
        return counts.getOrDefault(status, 0L);
    }

    /** Makes the next scrape read the database again. */
    private synchronized void stale() {
        nextRead = Instant.MIN;
    }

    void parked(String reason) {
        meters.counter(PARKED_COUNTER, "reason", reason).increment();
        stale();
    }

    void resolved(int entries) {
        meters.counter(RESOLVED_COUNTER).increment(entries);
        stale();
    }

    void discarded() {
        meters.counter(DISCARDED_COUNTER).increment();
        stale();
    }

    void retryFailed() {
        meters.counter(RETRY_FAILED_COUNTER).increment();
        stale();
    }
}

package com.leadledger.query.deadletter;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.kit.domain.RuleViolation;
import com.leadledger.query.ingest.EnvelopeIntegrity;
import com.leadledger.query.ingest.EnvelopeReader;
import com.leadledger.query.ingest.EventIngestor;
import com.leadledger.query.ingest.EventLogRepository;
import com.leadledger.query.ingest.Failures;
import com.leadledger.query.ingest.IngestSource;
import com.leadledger.query.ingest.RecordParking;
import com.leadledger.query.projection.UndecodableRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parks what the ingest cannot apply and applies it again on an operator's request.
 * <p>
 * An event with an identity is stored in event_log when parked (the query side's copy of the history stays complete
 * and its hash chains verifiable); only its application to the read models waits. While it waits, the later events
 * of its aggregate are stored and queued behind it, unapplied, so no view applies them out of order; other
 * aggregates go on. A retry applies the parked event and then the queued ones in arrival order, each in its own
 * transaction, stopping at the first that fails again (which becomes the parked one).
 */
@Service
class DeadLetters implements RecordParking {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** What a retry did: the entries it applied, in order, and the one that is parked now, if any. */
    public record RetryResult(DeadLetter retried, List<Long> applied, Long parked) {
    }

    private record Step(long id, RuntimeException failure) {
        boolean applied() {
            return failure == null;
        }
    }

    private final DeadLetterRepository store;
    private final EventLogRepository eventLog;
    private final EnvelopeReader reader;
    private final EventIngestor ingestor;
    private final DeadLetterMetrics metrics;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    public DeadLetters(DeadLetterRepository store, EventLogRepository eventLog, EnvelopeReader reader,
                       EventIngestor ingestor, DeadLetterMetrics metrics, PlatformTransactionManager transactions) {
        this.store = store;
        this.eventLog = eventLog;
        this.reader = reader;
        this.ingestor = ingestor;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void park(IngestSource source, Throwable failure) {
        UndecodableRecordException undecodable = UndecodableRecordException.in(failure);
        String reason = undecodable == null ? "projection" : undecodable.reason();
        Optional<EventEnvelope> identified = reader.identify(source.value());
        Optional<DeadLetter> parked = transaction.execute(status -> identified
                .map(envelope -> parkEvent(source, envelope, reason, failure))
                .orElseGet(() -> store.insert(DeadLetterStatus.PARKED, reason, null, null, false, source, failure)
                        .flatMap(store::find)));
        if (parked == null || parked.isEmpty()) {
            return;
        }
        DeadLetter entry = parked.get();
        metrics.parked(reason);
        log.error("parked record {} (key {}) as dead letter {} ({}, event {} of aggregate {}{}): {}: {}",
                source.coordinates(), source.key(), entry.id(), entry.status(), entry.eventId(), entry.aggregateId(),
                entry.sequenceKey() == null ? "; it blocks nothing" : "; its aggregate's later events wait behind it",
                entry.errorClass(), entry.errorMessage());
    }

    private Optional<DeadLetter> parkEvent(IngestSource source, EventEnvelope envelope, String reason,
                                           Throwable failure) {
        store.lock(envelope.aggregateId());
        if (store.existsForEvent(envelope.eventId())) {
            log.info("event {} ({}) is already a dead letter", envelope.eventId(), source.coordinates());
            return Optional.empty();
        }
        if (EnvelopeIntegrity.REASON.equals(reason)) {
            // Not an event the command side is known to have stored: it stays out of event_log and the audit, and
            // blocks nothing (a forged copy must not hold up the real stream); its successors fail the chain check
            // on their own until the genuine event arrives.
            return store.insert(DeadLetterStatus.PARKED, reason, null, envelope, false, source, failure)
                    .flatMap(store::find);
        }
        boolean inEventLog;
        try {
            Boolean appended = savepoint.execute(status -> eventLog.append(envelope));
            if (!Boolean.TRUE.equals(appended)) {
                // In event_log but never parked: an earlier delivery applied it. Parking it would apply it twice.
                log.warn("event {} ({}) failed but is already stored and applied; nothing to park",
                        envelope.eventId(), source.coordinates());
                return Optional.empty();
            }
            inEventLog = true;
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            log.error("event {} cannot be stored in event_log either: {}", envelope.eventId(),
                    Failures.root(e).toString());
            inEventLog = false;
        }
        DeadLetterStatus status = store.isBlocked(envelope.aggregateId())
                ? DeadLetterStatus.QUEUED : DeadLetterStatus.PARKED;
        return store.insert(status, reason, envelope.aggregateId(), envelope, inEventLog, source, failure)
                .flatMap(store::find);
    }

    /**
     * Applies the entry again, then the entries queued behind it. Only the first open entry of an aggregate may be
     * retried (409 naming it otherwise).
     *
     * @throws RuleViolation 404 for an unknown id, 409 when it is resolved, not first, or still fails
     */
    public RetryResult retry(long id, String operator) {
        DeadLetter entry = store.find(id).orElseThrow(() -> RuleViolation.notFound("dead letter"));
        if (!entry.open()) {
            throw resolved(entry);
        }
        String key = entry.sequenceKey();
        Step first = transaction.execute(status -> {
            DeadLetter target;
            if (key == null) {
                target = store.findForUpdate(id).filter(DeadLetter::open).orElseThrow(() -> resolved(entry));
            } else {
                store.lock(key);
                target = store.first(key).orElseThrow(() -> resolved(entry));
                if (target.id() != id) {
                    throw new RuleViolation(RuleViolation.Kind.CONFLICT, "DEAD_LETTER_NOT_FIRST",
                            "Dead letter " + id + " waits behind dead letter " + target.id()
                                    + " of the same aggregate; retry that one first.", List.of(),
                            Map.of("firstId", target.id()));
                }
            }
            return applyOne(target, operator);
        });
        if (!first.applied()) {
            metrics.retryFailed();
            DeadLetter now = store.find(id).orElseThrow();
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "DEAD_LETTER_RETRY_FAILED",
                    "Dead letter " + id + " still cannot be applied: " + now.errorClass() + ": "
                            + now.errorMessage(), List.of(),
                    Map.of("id", id, "attempts", now.attempts(), "errorClass", now.errorClass()));
        }
        List<Long> applied = new ArrayList<>(List.of(id));
        Long parked = null;
        while (key != null) {
            Step next = transaction.execute(status -> {
                store.lock(key);
                return store.first(key).map(queued -> applyOne(queued, operator)).orElse(null);
            });
            if (next == null) {
                break;
            }
            if (!next.applied()) {
                parked = next.id();
                break;
            }
            applied.add(next.id());
        }
        metrics.resolved(applied.size());
        log.info("dead letter {} retried by {}: applied {}{}", id, operator, applied,
                parked == null ? "" : "; dead letter " + parked + " is parked now");
        return new RetryResult(store.find(id).orElseThrow(), List.copyOf(applied), parked);
    }

    /**
     * Closes an entry that carries no event (its record was never an event envelope) or an event that failed the
     * integrity check (nothing the command side is known to have stored) without applying it, for the stated reason.
     * Any other event is never discarded: its aggregate's views would silently miss it.
     *
     * @throws RuleViolation 404 for an unknown id, 409 when it is resolved or carries an event
     */
    public DeadLetter discard(long id, String operator, String reason) {
        DeadLetter discarded = transaction.execute(status -> {
            DeadLetter entry = store.findForUpdate(id).orElseThrow(() -> RuleViolation.notFound("dead letter"));
            if (!entry.open()) {
                throw resolved(entry);
            }
            boolean untrusted = EnvelopeIntegrity.REASON.equals(entry.reason());
            if (!untrusted && (entry.eventId() != null || entry.sequenceKey() != null)) {
                throw new RuleViolation(RuleViolation.Kind.CONFLICT, "DEAD_LETTER_IS_AN_EVENT",
                        "Dead letter " + id + " is event " + entry.eventId() + "; discarding it would make the views "
                                + "of aggregate " + entry.aggregateId() + " miss it. Fix the cause and retry it.");
            }
            store.discarded(id, operator, reason);
            return store.find(id).orElseThrow();
        });
        metrics.discarded();
        log.warn("dead letter {} ({}) discarded by {}: {}", id, discarded.source().coordinates(), operator, reason);
        return discarded;
    }

    /** In the caller's transaction; a failure rolls back to a savepoint and is recorded on the entry. */
    private Step applyOne(DeadLetter entry, String operator) {
        try {
            savepoint.executeWithoutResult(status -> apply(entry));
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            store.failedAgain(entry.id(), e);
            log.warn("dead letter {} still cannot be applied: {}", entry.id(), Failures.root(e).toString());
            return new Step(entry.id(), e);
        }
        store.resolved(entry.id(), operator);
        return new Step(entry.id(), null);
    }

    private void apply(DeadLetter entry) {
        EnvelopeReader.Decoded decoded = reader.read(entry.source().value());
        if (entry.sequenceKey() == null) {
            // It had no identity when parked; now that it decodes it takes the normal path (duplicate check,
            // queueing behind its aggregate's parked event).
            ingestor.ingest(entry.source(), decoded);
            return;
        }
        ingestor.requireChained(decoded);
        if (!entry.inEventLog()) {
            eventLog.append(decoded.envelope());
            store.storedInEventLog(entry.id());
        }
        ingestor.applyStored(decoded.envelope(), decoded.payload());
    }

    private static RuleViolation resolved(DeadLetter entry) {
        return new RuleViolation(RuleViolation.Kind.CONFLICT, "DEAD_LETTER_RESOLVED",
                "Dead letter " + entry.id() + " is already resolved; there is nothing to retry.");
    }
}

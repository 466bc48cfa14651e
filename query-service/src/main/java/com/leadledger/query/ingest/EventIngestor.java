package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.UndecodableRecordException;
import com.leadledger.query.projection.ViewProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores events and applies them to every projection: the records of one poll in one database transaction
 * ({@link #ingestAll}), or one record in its own ({@link #ingest}) when a batch failed and its records are tried one
 * by one. An event id that is already in {@code event_log} changes nothing: redeliveries and whole re-sends are
 * harmless. An event whose aggregate has a
 * parked event is stored but queued behind it, unapplied (see {@link ParkedSequences}).
 */
@Service
public class EventIngestor {

    private static final Logger log = LoggerFactory.getLogger(EventIngestor.class);

    public enum Outcome { STORED, STORED_UNKNOWN_TYPE, DUPLICATE, QUEUED }

    private final EventLogRepository eventLog;
    private final List<ViewProjection<?>> projections;
    private final ParkedSequences parked;
    private final Counter stored;
    private final Counter storedUnknown;
    private final Counter duplicates;
    private final Counter queued;

    public EventIngestor(EventLogRepository eventLog, List<ViewProjection<?>> projections, ParkedSequences parked,
                         MeterRegistry meters) {
        this.eventLog = eventLog;
        this.projections = List.copyOf(projections);
        this.parked = parked;
        this.stored = meters.counter("leadledger.ingest.events", "outcome", "stored");
        this.storedUnknown = meters.counter("leadledger.ingest.events", "outcome", "unknown_type");
        this.duplicates = meters.counter("leadledger.ingest.events", "outcome", "duplicate");
        this.queued = meters.counter("leadledger.ingest.events", "outcome", "queued");
    }

    /**
     * @throws UndecodableRecordException ({@code integrity}) when the event does not chain to its stream as held
     *                                    here; nothing is stored
     */
    @Transactional
    public Outcome ingest(IngestSource source, EnvelopeReader.Decoded decoded) {
        EventEnvelope envelope = decoded.envelope();
        eventLog.holdIngestLock();
        parked.lock(envelope.aggregateId());
        boolean blocked = parked.isBlocked(envelope.aggregateId());
        if (!blocked) {
            // Behind a parked event the predecessor may be missing; the retry checks the link before applying.
            requireChained(decoded);
        }
        if (!eventLog.append(envelope)) {
            log.debug("event {} is already stored; ignoring the redelivery", envelope.eventId());
            count(Outcome.DUPLICATE);
            return Outcome.DUPLICATE;
        }
        if (blocked) {
            parked.queue(source, envelope);
            log.warn("stored event {} of aggregate {}; it waits unapplied behind the aggregate's parked event",
                    envelope.eventId(), envelope.aggregateId());
            count(Outcome.QUEUED);
            return Outcome.QUEUED;
        }
        Outcome outcome = applyStored(envelope, decoded.payload());
        count(outcome);
        return outcome;
    }

    /** A record read off the topic, decoded and its stored form verified. */
    public record Received(IngestSource source, EnvelopeReader.Decoded decoded) {
    }

    /**
     * {@link #ingest} for the records of one poll, in one database transaction and with a few statements for the
     * whole batch: the aggregates' locks, the parked check, the chain links (against event_log and the batch's earlier
     * events), the appends, and each projection's {@link ViewProjection#projectAll} of the newly stored events in
     * arrival order (per aggregate, stream order). Either every record's effects commit, or none.
     *
     * @throws UndecodableRecordException ({@code integrity}) when an event does not chain to its stream; nothing is
     *                                    stored
     */
    @Transactional
    public List<Outcome> ingestAll(List<Received> batch) {
        List<EventEnvelope> envelopes = batch.stream().map(received -> received.decoded().envelope()).toList();
        List<String> aggregates = envelopes.stream().map(EventEnvelope::aggregateId).distinct().toList();
        eventLog.holdIngestLock();
        parked.lockAll(aggregates);
        Set<String> blocked = parked.blockedAmong(aggregates);
        StreamPlaces places = eventLog.placesOf(envelopes);
        for (Received received : batch) {
            EventEnvelope envelope = received.decoded().envelope();
            if (!blocked.contains(envelope.aggregateId())) {
                EnvelopeIntegrity.requireLinked(places.placeOf(envelope.aggregateId(), envelope.sequenceNumber()),
                        received.decoded().stored(), envelope);
            }
            places.hold(envelope.aggregateId(), envelope.sequenceNumber(), envelope.eventId(),
                    received.decoded().stored().eventHash());
        }
        boolean[] appended = eventLog.appendAll(envelopes);
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Projector.Step> toApply = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Received received = batch.get(i);
            EventEnvelope envelope = received.decoded().envelope();
            Outcome outcome;
            if (!appended[i]) {
                log.debug("event {} is already stored; ignoring the redelivery", envelope.eventId());
                outcome = Outcome.DUPLICATE;
            } else if (blocked.contains(envelope.aggregateId())) {
                parked.queue(received.source(), envelope);
                log.warn("stored event {} of aggregate {}; it waits unapplied behind the aggregate's parked event",
                        envelope.eventId(), envelope.aggregateId());
                outcome = Outcome.QUEUED;
            } else if (received.decoded().payload().isEmpty()) {
                logUnknownType(envelope);
                outcome = Outcome.STORED_UNKNOWN_TYPE;
            } else {
                toApply.add(new Projector.Step(received.decoded().payload().get(), EventRef.of(envelope)));
                outcome = Outcome.STORED;
            }
            outcomes.add(outcome);
        }
        for (ViewProjection<?> projection : projections) {
            projection.projectAll(toApply);
        }
        outcomes.forEach(this::count);
        return outcomes;
    }

    /** The event's hash chains to its stream's previous event as held in event_log, and its place is free. */
    public void requireChained(EnvelopeReader.Decoded decoded) {
        EventEnvelope envelope = decoded.envelope();
        EventLogRepository.StreamPlace place = eventLog.placeOf(envelope.aggregateId(), envelope.sequenceNumber());
        EnvelopeIntegrity.requireLinked(place, decoded.stored(), envelope);
    }

    /** Applies an event that is already in event_log to every projection; joins the caller's transaction. */
    @Transactional
    public Outcome applyStored(EventEnvelope envelope, Optional<LeadLedgerEvent> payload) {
        eventLog.holdIngestLock(); // a dead-letter retry, too, must not slip between a rebuild's catch-up and swap
        if (payload.isEmpty()) {
            logUnknownType(envelope);
            return Outcome.STORED_UNKNOWN_TYPE;
        }
        EventRef ref = EventRef.of(envelope);
        for (ViewProjection<?> projection : projections) {
            projection.project(payload.get(), ref);
        }
        return Outcome.STORED;
    }

    private static void logUnknownType(EventEnvelope envelope) {
        log.info("stored event {} of unknown type {}; no projection applies it", envelope.eventId(),
                envelope.eventType());
    }

    private void count(Outcome outcome) {
        (switch (outcome) {
            case STORED -> stored;
            case STORED_UNKNOWN_TYPE -> storedUnknown;
            case DUPLICATE -> duplicates;
            case QUEUED -> queued;
        }).increment();
    }
}

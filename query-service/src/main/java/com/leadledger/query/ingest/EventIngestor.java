package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.UndecodableRecordException;
import com.leadledger.query.projection.ViewProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Stores one event and applies it to every projection, in one database transaction. An event id that is already in
 * {@code event_log} changes nothing: redeliveries and whole re-sends are harmless. An event whose aggregate has a
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
            duplicates.increment();
            return Outcome.DUPLICATE;
        }
        if (blocked) {
            parked.queue(source, envelope);
            log.warn("stored event {} of aggregate {}; it waits unapplied behind the aggregate's parked event",
                    envelope.eventId(), envelope.aggregateId());
            queued.increment();
            return Outcome.QUEUED;
        }
        Outcome outcome = applyStored(envelope, decoded.payload());
        (outcome == Outcome.STORED ? stored : storedUnknown).increment();
        return outcome;
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
            log.info("stored event {} of unknown type {}; no projection applies it", envelope.eventId(),
                    envelope.eventType());
            return Outcome.STORED_UNKNOWN_TYPE;
        }
        EventRef ref = EventRef.of(envelope);
        for (ViewProjection<?> projection : projections) {
            projection.project(payload.get(), ref);
        }
        return Outcome.STORED;
    }
}

package com.leadledger.query.ingest;

import com.leadledger.events.envelope.EventEnvelope;
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
 * {@code event_log} changes nothing: redeliveries and whole re-sends are harmless.
 */
@Service
public class EventIngestor {

    private static final Logger log = LoggerFactory.getLogger(EventIngestor.class);

    public enum Outcome { STORED, STORED_UNKNOWN_TYPE, DUPLICATE }

    private final EventLogRepository eventLog;
    private final List<Projection> projections;
    private final Counter stored;
    private final Counter storedUnknown;
    private final Counter duplicates;

    public EventIngestor(EventLogRepository eventLog, List<Projection> projections, MeterRegistry meters) {
        this.eventLog = eventLog;
        this.projections = List.copyOf(projections);
        this.stored = meters.counter("leadledger.ingest.events", "outcome", "stored");
        this.storedUnknown = meters.counter("leadledger.ingest.events", "outcome", "unknown_type");
        this.duplicates = meters.counter("leadledger.ingest.events", "outcome", "duplicate");
    }

    @Transactional
    public Outcome ingest(EventEnvelope envelope, Optional<Record> payload) {
        eventLog.holdIngestLock();
        if (!eventLog.append(envelope)) {
            log.debug("event {} is already stored; ignoring the redelivery", envelope.eventId());
            duplicates.increment();
            return Outcome.DUPLICATE;
        }
        if (payload.isEmpty()) {
            log.info("stored event {} of unknown type {}; no projection applies it", envelope.eventId(),
                    envelope.eventType());
            storedUnknown.increment();
            return Outcome.STORED_UNKNOWN_TYPE;
        }
        EventRef ref = EventRef.of(envelope);
        for (Projection projection : projections) {
            projection.project(payload.get(), ref);
        }
        stored.increment();
        return Outcome.STORED;
    }
}

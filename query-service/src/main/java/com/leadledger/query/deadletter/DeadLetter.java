package com.leadledger.query.deadletter;

import com.leadledger.query.ingest.IngestSource;

import java.time.Instant;

/**
 * One row of {@code dead_letter}.
 *
 * @param sequenceKey the aggregate whose later events wait behind this one; null for a record without identity
 * @param inEventLog  whether the event is in event_log (it is unless it has no identity or could not be stored)
 */
record DeadLetter(long id, DeadLetterStatus status, String reason, String sequenceKey, String eventId,
                         String eventType, String aggregateType, String aggregateId, Long sequenceNumber,
                         boolean inEventLog, IngestSource source, String errorClass, String errorMessage,
                         Instant parkedAt, Instant lastFailedAt, int attempts, Instant resolvedAt,
                         String resolvedBy, Resolution resolution, String resolutionNote) {

    /** How a resolved entry was closed. */
    public enum Resolution { APPLIED, DISCARDED }

    public boolean open() {
        return status != DeadLetterStatus.RESOLVED;
    }
}

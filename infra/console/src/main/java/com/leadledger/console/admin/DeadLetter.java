package com.leadledger.console.admin;

import java.time.Instant;

/**
 * A record the query service's ingest could not apply, as its admin API gives it; {@code record} (the consumed value)
 * only for one entry.
 */
public record DeadLetter(long id, String status, String reason, String eventId, String eventType,
                         String aggregateType, String aggregateId, Long sequenceNumber, boolean inEventLog,
                         Source source, Failure error, Instant parkedAt, Instant lastFailedAt, int attempts,
                         Instant resolvedAt, String resolvedBy, String resolution, String resolutionNote,
                         RecordValue record) {

    public record Source(String topic, int partition, long offset, String key) {
    }

    public record Failure(String errorClass, String message) {
    }

    public record RecordValue(String encoding, String value) {
    }

    public boolean isOpen() {
        return !"RESOLVED".equals(status);
    }
}

package com.leadledger.console.audit;

import java.time.Instant;

/** One event of a stream's audit trail, as far as the time slider needs it. */
public record TrailEvent(String eventId, String eventType, long globalIndex, Instant timestamp) {
}

package com.leadledger.query.report;

import java.time.Instant;

/** A registration's review SLA breached at {@code fromLevel}: it escalated to {@code toLevel}. */
record ReviewEscalation(String registrationId, int fromLevel, int toLevel, Instant at) {
}

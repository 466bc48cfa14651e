package com.leadledger.command.dispute;

import java.time.Instant;

/** Where a dispute stands after it was opened, escalated or appealed: its level and that level's SLA due time. */
public record DisputeLevel(int level, Instant slaDueAt) {
}

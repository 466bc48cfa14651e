package com.leadledger.events.dispute;

import java.time.Instant;

/** A decider of the current level assigned the dispute to {@code assignee} (a staff member's id) at {@code level}. */
public record DisputeAssigned(String disputeId, String assignee, int level, String assignedBy, Instant assignedAt) implements DisputeEvent {
}

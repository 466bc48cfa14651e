package com.leadledger.command.registration;

import java.time.Instant;

/** Payload of the persistent review-SLA deadline of one registration at one escalation level. */
record ReviewDeadline(String registrationId, int level, Instant dueAt) {

    static final String NAME = "review-sla";
}

package com.leadledger.command.program.points;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Awards the points of an approved registration (and the early-registration bonus when it was submitted long enough
 * before its expected close), under the policy version the approval applied; {@code causationId} is the approval
 * event's id.
 */
record AwardApprovalPoints(@TargetAggregateIdentifier String ledgerId, String partnerId, String causationId,
                           String registrationId, Instant submittedAt, LocalDate expectedCloseDate,
                           Instant approvedAt, long policyVersion) {
}

package com.leadledger.events.program;

import java.time.Instant;

/**
 * The partner earned {@code points} (negative for a penalty) because of the event {@code causationId} ({@code cause}
 * says which rule; {@code subjectId} is the registration or dispute it is about), under policy {@code policyVersion}.
 * {@code awardId} is derived from the cause, so one cause is awarded once. A positive award's unspent remainder
 * expires at {@code expiresAt}; a negative award has none and takes from the oldest unspent awards first.
 */
public record PointsAwarded(String partnerId, String awardId, Cause cause, String causationId, String subjectId,
                            int points, Instant expiresAt, Instant awardedAt, long policyVersion)
        implements PointsEvent {

    /** The rule that awarded the points. */
    public enum Cause {
        REGISTRATION_APPROVED, EARLY_REGISTRATION, REGISTRATION_WON, PENALTY, PENALTY_REVERSED
    }
}

package com.leadledger.events.program;

import java.time.Instant;

/** The unspent remainder ({@code points}) of award {@code awardId} expired at {@code expiredAt}. */
public record PointsExpired(String partnerId, String awardId, int points, Instant expiredAt) implements PointsEvent {
}

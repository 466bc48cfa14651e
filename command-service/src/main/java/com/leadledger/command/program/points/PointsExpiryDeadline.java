package com.leadledger.command.program.points;

import java.time.Instant;

/** Payload of the persistent deadline at which the unspent remainder of award {@code awardId} expires. */
record PointsExpiryDeadline(String awardId, Instant expiresAt) {

    static final String NAME = "points-expiry";
}

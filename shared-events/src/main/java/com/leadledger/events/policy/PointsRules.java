package com.leadledger.events.policy;

/** How a partner earns points, when they expire and what they may be redeemed for. */
public record PointsRules() {
}

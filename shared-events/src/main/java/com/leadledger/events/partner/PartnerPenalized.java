package com.leadledger.events.partner;

import java.time.Instant;

/**
 * An upheld dispute gave the partner {@code points} penalty points; {@code totalPoints} is its total afterwards.
 * At most one penalty per dispute is in force at a time.
 */
public record PartnerPenalized(String partnerId, String disputeId, int points, int totalPoints, Instant penalizedAt) implements PartnerEvent {
}

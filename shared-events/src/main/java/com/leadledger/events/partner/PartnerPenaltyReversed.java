package com.leadledger.events.partner;

import java.time.Instant;

/**
 * The penalty of dispute {@code disputeId} ({@code points}) no longer applies, because an appeal decision reversed or
 * changed it; {@code totalPoints} is the partner's total afterwards.
 */
public record PartnerPenaltyReversed(String partnerId, String disputeId, int points, int totalPoints,
                                     Instant reversedAt) implements PartnerEvent {
}

package com.leadledger.command.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party ({@code partnerId}) or staff ({@code partnerId} null) asks to move the dispute one level up. */
public record EscalateDispute(
        @TargetAggregateIdentifier String disputeId,
        String partnerId,
        String reason) {
}

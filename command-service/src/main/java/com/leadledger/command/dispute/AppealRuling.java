package com.leadledger.command.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party ({@code partnerId}: the complainant or the respondent) appeals the ruling, with a reason. */
public record AppealRuling(
        @TargetAggregateIdentifier String disputeId,
        String partnerId,
        String reason) {
}

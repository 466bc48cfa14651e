package com.leadledger.events.program;

public record TierQualificationEvaluated(String partnerId) implements TierEvent {
}

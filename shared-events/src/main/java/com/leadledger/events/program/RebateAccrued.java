package com.leadledger.events.program;

public record RebateAccrued(String partnerId) implements RebateEvent {
}

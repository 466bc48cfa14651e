package com.leadledger.events.program;

public record PointsAwarded(String partnerId) implements PointsEvent {
}

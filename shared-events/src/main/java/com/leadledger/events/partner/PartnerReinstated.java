package com.leadledger.events.partner;

import java.time.Instant;

public record PartnerReinstated(String partnerId, String note, Instant reinstatedAt) implements PartnerEvent {
}

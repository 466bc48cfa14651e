package com.leadledger.events.partner;

import java.time.Instant;

public record PartnerTierChanged(String partnerId, PartnerTier previousTier, PartnerTier tier, Instant changedAt) implements PartnerEvent {
}

package com.leadledger.events.partner;

import java.time.Instant;

/** A suspended partner cannot submit registrations until reinstated. */
public record PartnerSuspended(String partnerId, String reason, Instant suspendedAt) implements PartnerEvent {
}

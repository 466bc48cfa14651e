package com.leadledger.events.partner;

import java.time.Instant;

/** The partner's webhook endpoint was removed: nothing more is delivered to it, and its secrets are void. */
public record WebhookRemoved(String partnerId, Instant removedAt) implements PartnerEvent {
}

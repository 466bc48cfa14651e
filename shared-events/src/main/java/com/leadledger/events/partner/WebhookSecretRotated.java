package com.leadledger.events.partner;

import java.time.Instant;

/** A new webhook signing secret ({@code secretId}); deliveries carry both signatures until the old one expires. */
public record WebhookSecretRotated(
        String partnerId,
        String secretId,
        String previousSecretId,
        Instant previousSecretValidUntil,
        Instant rotatedAt) implements PartnerEvent {
}

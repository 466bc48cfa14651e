package com.leadledger.events.partner;

import java.time.Instant;
import java.util.List;

/**
 * The partner's webhook endpoint was set (or replaced) with the event types it wants, and a new signing secret issued.
 * The secret itself is never recorded: {@code secretId} names it, and only the command service can derive it (with
 * its webhook key). A secret in force before stays valid until {@code previousSecretValidUntil}.
 *
 * @param previousSecretId         the secret valid until {@code previousSecretValidUntil}; null when none
 * @param previousSecretValidUntil null when no previous secret stays valid
 */
public record WebhookSubscribed(
        String partnerId,
        String url,
        List<String> eventTypes,
        String secretId,
        String previousSecretId,
        Instant previousSecretValidUntil,
        Instant subscribedAt) implements PartnerEvent {
}

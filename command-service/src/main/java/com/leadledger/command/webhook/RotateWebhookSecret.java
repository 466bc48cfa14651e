package com.leadledger.command.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new signing secret {@code secretId}; the one in force stays valid for the overlap. */
public record RotateWebhookSecret(String partnerId, String secretId) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return WebhookSubscription.idOf(partnerId);
    }
}

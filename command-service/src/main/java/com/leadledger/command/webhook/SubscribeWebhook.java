package com.leadledger.command.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The partner (or ADMIN) sets its webhook endpoint; {@code secretId} names the new signing secret. */
public record SubscribeWebhook(String partnerId, String url, List<String> eventTypes, String secretId) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return WebhookSubscription.idOf(partnerId);
    }
}

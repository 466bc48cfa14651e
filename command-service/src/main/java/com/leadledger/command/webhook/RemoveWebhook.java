package com.leadledger.command.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveWebhook(String partnerId) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return WebhookSubscription.idOf(partnerId);
    }
}

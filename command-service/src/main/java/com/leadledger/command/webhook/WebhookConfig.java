package com.leadledger.command.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WebhookConfig {

    @Bean
    WebhookAddressPolicy webhookAddressPolicy(WebhookProperties properties) {
        return new WebhookAddressPolicy(properties.allowLoopback());
    }

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties) {
        return new WebhookSecrets(properties.signingKey());
    }
}

package com.leadledger.command.dispute;

import com.leadledger.command.common.TrackingProcessors;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class DisputeEffectsConfig {

    /** A ruling's effects are never skipped: a failure fails the batch, which is retried from the same token. */
    @Autowired
    void effectsNeverSkipped(EventProcessingConfigurer processing, TokenStoreProperties tokenStore) {
        TrackingProcessors.register(processing, DisputeRulingEffects.PROCESSING_GROUP, tokenStore.getClaimTimeout());
    }
}

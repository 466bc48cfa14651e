package com.leadledger.command.program.points;

import com.leadledger.command.common.TrackingProcessors;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class PointsAwardingConfig {

    /** A cause of points is never skipped: a failure fails the batch, which is retried from the same token. */
    @Autowired
    void awardsNeverSkipped(EventProcessingConfigurer processing, TokenStoreProperties tokenStore) {
        TrackingProcessors.register(processing, PointsAwarding.PROCESSING_GROUP, tokenStore.getClaimTimeout());
    }
}

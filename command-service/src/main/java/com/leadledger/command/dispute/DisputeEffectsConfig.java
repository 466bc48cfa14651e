package com.leadledger.command.dispute;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class DisputeEffectsConfig {

    /** A ruling's effects are never skipped: a failure fails the batch, which is retried from the same token. */
    @Autowired
    void effectsNeverSkipped(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(DisputeRulingEffects.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}

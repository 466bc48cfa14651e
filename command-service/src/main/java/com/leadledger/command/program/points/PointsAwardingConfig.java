package com.leadledger.command.program.points;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class PointsAwardingConfig {

    /** A cause of points is never skipped: a failure fails the batch, which is retried from the same token. */
    @Autowired
    void awardsNeverSkipped(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PointsAwarding.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}

package com.leadledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Apart from AxonConfig, whose beans the command bus itself depends on. */
@Configuration
class AggregateLockConfig {

    /** Runs inside the command's transaction (Axon's transaction interceptor comes first). */
    @Autowired
    void lockAggregatesAcrossInstances(CommandBus commandBus, JdbcTemplate jdbc) {
        commandBus.registerHandlerInterceptor(new MissingAggregateInterceptor());
        commandBus.registerHandlerInterceptor(new AggregateLockInterceptor(jdbc));
    }
}

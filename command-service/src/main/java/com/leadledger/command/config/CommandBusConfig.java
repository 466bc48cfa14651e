package com.leadledger.command.config;

import com.leadledger.command.common.CommandRouting;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Interceptors of the command bus (routing: {@link CommandRoutingConfig}), apart from AxonConfig, whose beans the command bus itself depends
 * on. The interceptors run inside the command's transaction (Axon's transaction interceptor comes first).
 */
@Configuration
class CommandBusConfig {

    @Autowired
    void interceptCommands(CommandBus commandBus, JdbcTemplate jdbc, CommandRouting commandRouting) {
        commandBus.registerHandlerInterceptor(new MissingAggregateInterceptor());
        commandBus.registerHandlerInterceptor(new AggregateLockInterceptor(jdbc, commandRouting));
    }
}

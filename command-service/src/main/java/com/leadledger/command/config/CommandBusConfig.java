package com.leadledger.command.config;

import com.leadledger.command.common.CommandRouting;
import com.leadledger.command.common.RecordedEvents;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Interceptors of the command bus (routing: {@link CommandRoutingConfig}), apart from AxonConfig, whose beans the command bus itself depends
 * on. The interceptors run inside the command's transaction (Axon's transaction interceptor comes first). The event
 * bus's dispatch interceptor {@link RecordedEvents} tells a command's sender which events it recorded.
 */
@Configuration
class CommandBusConfig {

    @Autowired
    void interceptCommands(CommandBus commandBus, JdbcTemplate jdbc, CommandRouting commandRouting) {
        commandBus.registerHandlerInterceptor(new MissingAggregateInterceptor());
        commandBus.registerHandlerInterceptor(new AggregateLockInterceptor(jdbc, commandRouting));
    }

    @Bean
    RecordedEvents recordedEvents(EventBus eventBus) {
        RecordedEvents recordedEvents = new RecordedEvents();
        eventBus.registerDispatchInterceptor(recordedEvents);
        return recordedEvents;
    }
}

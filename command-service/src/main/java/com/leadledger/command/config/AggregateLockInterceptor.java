package com.leadledger.command.config;

import com.leadledger.command.common.CommandRouting;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serializes the commands on one aggregate across service instances: inside the command's transaction, before the
 * aggregate is loaded, a transaction-scoped PostgreSQL advisory lock on the aggregate id is taken. A second instance
 * then loads the aggregate only after the first committed, so concurrent submissions on one opportunity do not meet as
 * optimistic-lock conflicts at all (within one instance Axon already serializes them). The jittered retries stay as
 * the safety net for writers that do not go through the command bus (deadline handlers).
 */
final class AggregateLockInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final CommandRouting routing;

    AggregateLockInterceptor(JdbcTemplate jdbc, CommandRouting routing) {
        this.jdbc = jdbc;
        this.routing = routing;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        // A command that names no aggregate loads none (it creates one, or is handled outside the aggregates).
        routing.aggregateOf(unitOfWork.getMessage()).ifPresent(aggregateId -> jdbc.queryForObject(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 7))) locked", Integer.class,
                aggregateId));
        return interceptorChain.proceed();
    }
}

package com.leadledger.command.config;

import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command addressed to an aggregate that does not exist is refused like any other missing object: with the
 * rule vocabulary's {@code NOT_FOUND}, for every sender of commands, not only for HTTP callers.
 */
final class MissingAggregateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            throw new RuleViolation(RuleViolation.Kind.NOT_FOUND, "NOT_FOUND", "not found");
        }
    }
}

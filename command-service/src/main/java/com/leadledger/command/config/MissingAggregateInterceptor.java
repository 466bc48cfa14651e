package com.leadledger.command.config;

import com.leadledger.kit.domain.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Map;

/**
 * A command addressed to an aggregate that does not exist is refused like any other missing object, with the rule
 * vocabulary's {@code NOT_FOUND} naming what is missing — for every sender of commands, and exactly as the aggregate
 * refuses an object the caller may not see ("not yours" and "not found" look the same).
 */
final class MissingAggregateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** What the commands of each slice address, by the slice's package name. */
    private static final Map<String, String> ADDRESSED_BY_SLICE = Map.of(
            "dispute", "dispute",
            "partner", "partner",
            "policy", "policy",
            "registration", "opportunity",
            "support", "opportunity",
            "webhook", "webhook");

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            throw RuleViolation.notFound(addressedBy(unitOfWork.getMessage().getPayloadType()));
        }
    }

    static String addressedBy(Class<?> commandType) {
        String slice = commandType.getPackageName().substring(commandType.getPackageName().lastIndexOf('.') + 1);
        return ADDRESSED_BY_SLICE.getOrDefault(slice, "object");
    }
}

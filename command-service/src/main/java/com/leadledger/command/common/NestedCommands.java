package com.leadledger.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;

/**
 * Dispatches a command from inside a command handler, in the same unit of work and database transaction: the local
 * command bus handles it in the calling thread, and the new message inherits the outer command's audit metadata
 * (correlation data). Unlike the gateway, it never retries on its own: a retry would leave the outer transaction; the
 * outer command is retried as a whole instead.
 */
public final class NestedCommands {

    private NestedCommands() {
    }

    @SuppressWarnings("unchecked")
    public static <R> R dispatch(CommandBus commandBus, Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return (R) result.getPayload();
    }
}

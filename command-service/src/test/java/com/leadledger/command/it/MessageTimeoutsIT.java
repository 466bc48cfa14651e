package com.leadledger.command.it;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands and batches of events are timed as units of work, and no handler on its own: timing a handler starts by
 * copying its thread's whole stack, seven times per registration (application.yml, {@code axon.timeout}).
 */
class MessageTimeoutsIT extends CommandServiceITBase {

    /** What Axon wraps a timed handler in (package-private in Axon, hence by name). */
    private static final Class<?> TIMED_HANDLER = timedHandlerType();

    @Autowired
    HandlerDefinition handlerDefinition;
    @Autowired
    ParameterResolverFactory parameterResolverFactory;
    @Autowired
    TimeoutProperties timeouts;

    @Test
    void noHandlerIsTimedOnItsOwn() {
        Collection<MessageHandlingMember<? super EveryKindOfHandler>> handlers = AnnotatedHandlerInspector
                .inspectType(EveryKindOfHandler.class, parameterResolverFactory, handlerDefinition)
                .getAllHandlers().values().stream().flatMap(Collection::stream).toList();

        assertThat(handlers).hasSize(4);
        assertThat(handlers).allSatisfy(handler -> assertThat(
                handler.unwrap(TIMED_HANDLER)).as(handler.signature()).isEmpty());
    }

    @Test
    void everyUnitOfWorkIsStillTimed() {
        assertThat(timeouts.isEnabled()).isTrue();
        var units = timeouts.getTransaction();
        assertThat(List.of(units.getCommandBus(), units.getEventProcessors(), units.getDeadline()))
                .allSatisfy(unit -> {
                    assertThat(unit.getWarningThresholdMs()).isEqualTo(10_000);
                    assertThat(unit.getTimeoutMs()).isEqualTo(60_000);
                });
    }

    private static Class<?> timedHandlerType() {
        try {
            return Class.forName("org.axonframework.messaging.timeout.TimeoutWrappedMessageHandlingMember");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Axon no longer has the timed handler this test looks for", e);
        }
    }

    static class EveryKindOfHandler {

        record Command() {
        }

        record Event() {
        }

        record Query() {
        }

        @CommandHandler
        void handle(Command command) {
        }

        @EventHandler
        void on(Event event) {
        }

        @QueryHandler
        String answer(Query query) {
            return "";
        }

        @DeadlineHandler(deadlineName = "due")
        void onDeadline() {
        }
    }
}

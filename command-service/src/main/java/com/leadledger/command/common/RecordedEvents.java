package com.leadledger.command.common;

import com.leadledger.events.registration.PossibleDumpingFlagged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The ids of the events a command recorded, for the sender waiting for that command. Registered on the event bus as a
 * dispatch interceptor, it sees every event a unit of work stores (Axon intercepts them when the root unit of work
 * prepares its commit: a nested command's events come with its caller's) and, once that unit of work has committed,
 * hands their ids in order to the sender that asked for them before sending ({@link #expect}). An attempt that is
 * rolled back, and perhaps retried, hands over nothing: only stored events are reported. Aggregates know nothing of
 * this. An event the sender is not to learn of ({@link #UNTOLD}: a possible-dumping flag raised by the partner's own
 * WON) is stored like any other but not reported, so the answer's ids cannot give it away.
 */
public final class RecordedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String COLLECTED = RecordedEvents.class.getName() + ".collected";
    static final Set<Class<?>> UNTOLD = Set.of(PossibleDumpingFlagged.class);

    private final Map<String, List<String>> awaited = new ConcurrentHashMap<>();

    /** From now on the events recorded by the command with this message id are kept for {@link #collect}. */
    public void expect(String commandMessageId) {
        awaited.put(commandMessageId, List.of());
    }

    /** The ids of the events the command's committed unit of work stored, in order; forgets the command. */
    public List<String> collect(String commandMessageId) {
        List<String> ids = awaited.remove(commandMessageId);
        return ids == null ? List.of() : ids;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            String commandMessageId = root.getMessage().getIdentifier();
            if (awaited.containsKey(commandMessageId)) {
                List<String> collected = root.getOrComputeResource(COLLECTED, key -> {
                    List<String> ids = new ArrayList<>();
                    root.afterCommit(committed -> awaited.replace(commandMessageId, List.copyOf(ids)));
                    return ids;
                });
                events.stream().filter(event -> !UNTOLD.contains(event.getPayloadType()))
                        .forEach(event -> collected.add(event.getIdentifier()));
            }
        }
        return (index, event) -> event;
    }
}

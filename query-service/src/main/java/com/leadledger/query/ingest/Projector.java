package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps event records to the pure transitions of one read model {@code V}: which view instance an event addresses
 * and how it turns the current state into the next one. It holds no storage; the same instance serves
 * <ul>
 *   <li>the live projection (load row → {@link #apply} → save),</li>
 *   <li>a rebuild from {@code event_log}, and</li>
 *   <li>point-in-time views ({@link #fold} of the events up to an instant, in memory).</li>
 * </ul>
 * Supporting a new event is one more {@code creates}/{@code updates}/{@code updatesEach} line next to a new transition
 * method on the view.
 *
 * @param <V> an immutable read-model record
 */
public final class Projector<V> {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final String viewName;
    private final Map<Class<? extends LeadLedgerEvent>, Route<? extends LeadLedgerEvent, V>> routes;
    private final BiFunction<V, EventRef, V> stamp;

    private Projector(String viewName, Map<Class<? extends LeadLedgerEvent>, Route<? extends LeadLedgerEvent, V>> routes,
                      BiFunction<V, EventRef, V> stamp) {
        this.viewName = viewName;
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        this.stamp = stamp;
    }

    /**
     * @param stamp records the applied event on the view (for example its id and timestamp); applied after every
     *              transition that produced a view
     */
    public static <V> Builder<V> builder(String viewName, BiFunction<V, EventRef, V> stamp) {
        return new Builder<>(viewName, stamp);
    }

    public Set<Class<? extends LeadLedgerEvent>> eventTypes() {
        return routes.keySet();
    }

    public boolean handles(LeadLedgerEvent event) {
        return routes.containsKey(event.getClass());
    }

    /**
     * The id of the view instance the event changes; empty when this read model ignores the event. For an event that
     * changes several instances ({@link Builder#updatesEach}) use {@link #viewIdsOf}.
     */
    public Optional<String> viewIdOf(LeadLedgerEvent event) {
        List<String> ids = viewIdsOf(event);
        if (ids.size() > 1) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " changes several " + viewName
                    + " views; use viewIdsOf");
        }
        return ids.stream().findFirst();
    }

    /** The ids of the view instances the event changes, without repeats; empty when this read model ignores it. */
    public List<String> viewIdsOf(LeadLedgerEvent event) {
        Route<? extends LeadLedgerEvent, V> route = routes.get(event.getClass());
        return route == null ? List.of() : route.viewIdsOf(event);
    }

    /**
     * The state of one view instance after the event. {@code current} is null when the view instance does not exist
     * yet. Returns {@code current} unchanged for an event this read model ignores, for a creating event whose view
     * already exists, and (null) for an updating event whose view does not exist. For an event that changes several
     * instances, call it once per id of {@link #viewIdsOf} with that instance's state.
     */
    public V apply(V current, LeadLedgerEvent event, EventRef ref) {
        Route<? extends LeadLedgerEvent, V> route = routes.get(event.getClass());
        if (route == null) {
            return current;
        }
        V next = route.apply(current, event, viewName, ref);
        return next == null || next == current ? next : stamp.apply(next, ref);
    }

    /**
     * One view instance as of the end of {@code events} (in stream order): applies those that address
     * {@code viewId} and skips the rest. Null when no event created it.
     */
    public V fold(String viewId, Iterable<? extends Applied> events) {
        V state = null;
        for (Applied applied : events) {
            if (viewIdsOf(applied.event()).contains(viewId)) {
                state = apply(state, applied.event(), applied.ref());
            }
        }
        return state;
    }

    /** Every view instance the events address, folded in stream order, by view id in order of first appearance. */
    public Map<String, V> foldAll(Iterable<? extends Applied> events) {
        Map<String, V> views = new LinkedHashMap<>();
        for (Applied applied : events) {
            for (String id : viewIdsOf(applied.event())) {
                V next = apply(views.get(id), applied.event(), applied.ref());
                if (next == null) {
                    views.remove(id);
                } else {
                    views.put(id, next);
                }
            }
        }
        return views;
    }

    /** One stored event ready to be folded: its payload record and its place in the history. */
    public interface Applied {
        LeadLedgerEvent event();

        EventRef ref();
    }

    public record Step(LeadLedgerEvent event, EventRef ref) implements Applied {
    }

    /** A transition that needs to know where the event sits in the history (its id, actor, time). */
    @FunctionalInterface
    public interface RefTransition<V, E> {
        V apply(V current, E event, EventRef ref);
    }

    /**
     * @param optional whether the event may name no view instance (a null id): it then changes nothing
     * @param creates  whether the event brings the view instance into existence ({@code current} is then null)
     */
    private record Route<E extends LeadLedgerEvent, V>(Class<E> type, Function<E, ? extends Collection<String>> viewIds,
                                              boolean optional, boolean creates, RefTransition<V, E> transition) {

        List<String> viewIdsOf(LeadLedgerEvent event) {
            Collection<String> ids = viewIds.apply(type.cast(event));
            if (optional && (ids == null || ids.stream().allMatch(java.util.Objects::isNull))) {
                return List.of();
            }
            if (ids == null || ids.isEmpty()) {
                throw new UndecodableRecordException("payload", event.getClass().getSimpleName()
                        + " lacks its required member 'the id of the view it changes'", null);
            }
            List<String> distinct = new ArrayList<>(ids.size());
            for (String id : ids) {
                EventContract.required(id, "the id of the view it changes", event);
                if (!distinct.contains(id)) {
                    distinct.add(id);
                }
            }
            return List.copyOf(distinct);
        }

        V apply(V current, LeadLedgerEvent event, String viewName, EventRef ref) {
            E typed = type.cast(event);
            if (creates) {
                if (current != null) {
                    log.warn("{} {} already exists; {} {} does not create it again", viewName,
                            viewIdsOf(typed), ref.eventType(), ref.eventId());
                    return current;
                }
                return transition.apply(null, typed, ref);
            }
            if (current == null) {
                log.warn("{} {} does not exist; {} {} has nothing to update", viewName, viewIdsOf(typed),
                        ref.eventType(), ref.eventId());
                return null;
            }
            return transition.apply(current, typed, ref);
        }
    }

    public static final class Builder<V> {

        private final String viewName;
        private final BiFunction<V, EventRef, V> stamp;
        private final Map<Class<? extends LeadLedgerEvent>, Route<? extends LeadLedgerEvent, V>> routes = new LinkedHashMap<>();

        private Builder(String viewName, BiFunction<V, EventRef, V> stamp) {
            this.viewName = viewName;
            this.stamp = stamp;
        }

        /** An event that brings a view instance into existence. */
        public <E extends LeadLedgerEvent> Builder<V> creates(Class<E> type, Function<E, String> viewId,
                                                     Function<E, V> transition) {
            return add(new Route<>(type, e -> single(viewId.apply(e)), false, true,
                    (current, e, ref) -> transition.apply(e)));
        }

        /** {@link #creates} for a transition that records where the event sits in the history. */
        public <E extends LeadLedgerEvent> Builder<V> createsWithRef(Class<E> type, Function<E, String> viewId,
                                                            BiFunction<E, EventRef, V> transition) {
            return add(new Route<>(type, e -> single(viewId.apply(e)), false, true,
                    (current, e, ref) -> transition.apply(e, ref)));
        }

        /** An event that changes an existing view instance. */
        public <E extends LeadLedgerEvent> Builder<V> updates(Class<E> type, Function<E, String> viewId,
                                                     BiFunction<V, E, V> transition) {
            return add(new Route<>(type, e -> single(viewId.apply(e)), false, false,
                    (current, e, ref) -> transition.apply(current, e)));
        }

        /** {@link #updates} for a transition that records where the event sits in the history. */
        public <E extends LeadLedgerEvent> Builder<V> updatesWithRef(Class<E> type, Function<E, String> viewId,
                                                            RefTransition<V, E> transition) {
            return add(new Route<>(type, e -> single(viewId.apply(e)), false, false, transition));
        }

        /**
         * An event that changes an existing view instance when it names one, and nothing when its id is null (for
         * example a support move that cites a dispute ruling, among moves that cite none).
         */
        public <E extends LeadLedgerEvent> Builder<V> updatesIfNamed(Class<E> type, Function<E, String> viewId,
                                                            RefTransition<V, E> transition) {
            return add(new Route<>(type, e -> single(viewId.apply(e)), true, false, transition));
        }

        /**
         * An event that changes several existing view instances (for example a support move: the registration losing
         * support and the one gaining it). The transition is applied to each instance's own state.
         */
        public <E extends LeadLedgerEvent> Builder<V> updatesEach(Class<E> type, Function<E, List<String>> viewIds,
                                                         BiFunction<V, E, V> transition) {
            return add(new Route<>(type, viewIds, false, false, (current, e, ref) -> transition.apply(current, e)));
        }

        private static List<String> single(String id) {
            return Collections.singletonList(id);
        }

        private Builder<V> add(Route<? extends LeadLedgerEvent, V> route) {
            if (routes.putIfAbsent(route.type(), route) != null) {
                throw new IllegalStateException(route.type().getSimpleName() + " is mapped twice for " + viewName);
            }
            return this;
        }

        public Projector<V> build() {
            return new Projector<>(viewName, routes, stamp);
        }
    }
}

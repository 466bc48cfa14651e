package com.leadledger.query.projection;

import com.leadledger.events.LeadLedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps event records to the pure transitions of one read model {@code V}: the read side's only way of dispatching
 * events. It holds no storage; the same instance serves
 * <ul>
 *   <li>the live projection ({@link ViewProjection}: load row → {@link #apply} → save),</li>
 *   <li>a rebuild from {@code event_log} (the same projection, writing shadow tables), and</li>
 *   <li>point-in-time views ({@link #fold} of the events up to an instant, in memory).</li>
 * </ul>
 * A route either changes view instances ({@code creates}, {@code updates}…: which instances an event addresses and how
 * it turns each one's state into the next) or adds entries that are written once and never change ({@code adds}: a
 * notice, a line of a history). Supporting a new event is one more route next to a new transition on the view.
 *
 * @param <V> an immutable read-model record
 */
public final class Projector<V> {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final String viewName;
    private final Map<Class<? extends LeadLedgerEvent>, Route<V>> routes;
    private final BiFunction<V, EventRef, V> stamp;

    private Projector(String viewName, Map<Class<? extends LeadLedgerEvent>, Route<V>> routes,
                      BiFunction<V, EventRef, V> stamp) {
        this.viewName = viewName;
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        this.stamp = stamp;
    }

    /**
     * A read model of view instances that events create and change.
     *
     * @param stamp records the applied event on the view (for example its id and timestamp); applied after every
     *              transition that produced a view
     */
    public static <V> Builder<V> builder(String viewName, BiFunction<V, EventRef, V> stamp) {
        return new Builder<>(viewName, stamp);
    }

    /** A read model of entries that events add and nothing changes afterwards (notices, a history). */
    public static <V> Builder<V> entries(String viewName) {
        return new Builder<>(viewName, (view, ref) -> view);
    }

    public boolean handles(LeadLedgerEvent event) {
        return routes.containsKey(event.getClass());
    }

    /** Whether every route adds entries: the read model never loads what it wrote. */
    public boolean addsOnly() {
        return routes.values().stream().allMatch(Adds.class::isInstance);
    }

    /**
     * The id of the view instance the event changes; empty when this read model does not change one for it. For an
     * event that changes several instances ({@link Builder#updatesEach}) use {@link #viewIdsOf}.
     */
    public Optional<String> viewIdOf(LeadLedgerEvent event) {
        List<String> ids = viewIdsOf(event);
        if (ids.size() > 1) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " changes several " + viewName
                    + " views; use viewIdsOf");
        }
        return ids.stream().findFirst();
    }

    /** The ids of the view instances the event changes, without repeats; empty when it changes none. */
    public List<String> viewIdsOf(LeadLedgerEvent event) {
        return routes.get(event.getClass()) instanceof Changes<?, V> changes ? changes.viewIdsOf(event) : List.of();
    }

    /**
     * The state of one view instance after the event. {@code current} is null when the view instance does not exist
     * yet. Returns {@code current} unchanged for an event that changes no instance, for a creating event whose view
     * already exists, and (null) for an updating event whose view does not exist. For an event that changes several
     * instances, call it once per id of {@link #viewIdsOf} with that instance's state.
     */
    public V apply(V current, LeadLedgerEvent event, EventRef ref) {
        if (!(routes.get(event.getClass()) instanceof Changes<?, V> changes)) {
            return current;
        }
        V next = changes.apply(current, event, viewName, ref);
        return next == null || next == current ? next : stamp.apply(next, ref);
    }

    /** The entries the event adds, in a stable order; empty when it adds none. */
    public List<V> added(LeadLedgerEvent event, EventRef ref) {
        return routes.get(event.getClass()) instanceof Adds<?, V> adds ? adds.entries(event, ref) : List.of();
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

    /**
     * Folds the events (in stream order) onto the stored states of the instances they address: {@code states} holds
     * those that exist, by id, and is updated in place. Returns the instances the events changed, by id.
     */
    public Map<String, V> foldOnto(Map<String, V> states, Iterable<? extends Applied> events) {
        Map<String, V> changed = new TreeMap<>();
        for (Applied applied : events) {
            for (String id : viewIdsOf(applied.event())) {
                V current = states.get(id);
                V next = apply(current, applied.event(), applied.ref());
                if (next != null && next != current) {
                    states.put(id, next);
                    changed.put(id, next);
                }
            }
        }
        return changed;
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

    private sealed interface Route<V> permits Changes, Adds {
        Class<? extends LeadLedgerEvent> type();
    }

    /**
     * @param optional whether the event may name no view instance (a null id): it then changes nothing
     * @param creates  whether the event brings the view instance into existence ({@code current} is then null)
     */
    private record Changes<E extends LeadLedgerEvent, V>(Class<E> type,
                                                         Function<E, ? extends Collection<String>> viewIds,
                                                         boolean optional, boolean creates,
                                                         RefTransition<V, E> transition) implements Route<V> {

        List<String> viewIdsOf(LeadLedgerEvent event) {
            Collection<String> ids = viewIds.apply(type.cast(event));
            if (optional && (ids == null || ids.stream().allMatch(Objects::isNull))) {
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

    private record Adds<E extends LeadLedgerEvent, V>(Class<E> type, BiFunction<E, EventRef, List<V>> entries)
            implements Route<V> {

        List<V> entries(LeadLedgerEvent event, EventRef ref) {
            return List.copyOf(entries.apply(type.cast(event), ref));
        }
    }

    public static final class Builder<V> {

        private final String viewName;
        private final BiFunction<V, EventRef, V> stamp;
        private final Map<Class<? extends LeadLedgerEvent>, Route<V>> routes = new LinkedHashMap<>();

        private Builder(String viewName, BiFunction<V, EventRef, V> stamp) {
            this.viewName = viewName;
            this.stamp = stamp;
        }

        /** An event that brings a view instance into existence. */
        public <E extends LeadLedgerEvent> Builder<V> creates(Class<E> type, Function<E, String> viewId,
                                                              Function<E, V> transition) {
            return add(new Changes<>(type, e -> single(viewId.apply(e)), false, true,
                    (current, e, ref) -> transition.apply(e)));
        }

        /** {@link #creates} for a transition that records where the event sits in the history. */
        public <E extends LeadLedgerEvent> Builder<V> createsWithRef(Class<E> type, Function<E, String> viewId,
                                                                     BiFunction<E, EventRef, V> transition) {
            return add(new Changes<>(type, e -> single(viewId.apply(e)), false, true,
                    (current, e, ref) -> transition.apply(e, ref)));
        }

        /** An event that changes an existing view instance. */
        public <E extends LeadLedgerEvent> Builder<V> updates(Class<E> type, Function<E, String> viewId,
                                                              BiFunction<V, E, V> transition) {
            return add(new Changes<>(type, e -> single(viewId.apply(e)), false, false,
                    (current, e, ref) -> transition.apply(current, e)));
        }

        /** {@link #updates} for a transition that records where the event sits in the history. */
        public <E extends LeadLedgerEvent> Builder<V> updatesWithRef(Class<E> type, Function<E, String> viewId,
                                                                     RefTransition<V, E> transition) {
            return add(new Changes<>(type, e -> single(viewId.apply(e)), false, false, transition));
        }

        /**
         * An event that changes an existing view instance when it names one, and nothing when its id is null (for
         * example a support move that cites a dispute ruling, among moves that cite none).
         */
        public <E extends LeadLedgerEvent> Builder<V> updatesIfNamed(Class<E> type, Function<E, String> viewId,
                                                                     RefTransition<V, E> transition) {
            return add(new Changes<>(type, e -> single(viewId.apply(e)), true, false, transition));
        }

        /**
         * An event that changes several existing view instances (for example a support move: the registration losing
         * support and the one gaining it). The transition is applied to each instance's own state.
         */
        public <E extends LeadLedgerEvent> Builder<V> updatesEach(Class<E> type, Function<E, List<String>> viewIds,
                                                                  BiFunction<V, E, V> transition) {
            return add(new Changes<>(type, viewIds, false, false,
                    (current, e, ref) -> transition.apply(current, e)));
        }

        /** An event that adds one entry. */
        public <E extends LeadLedgerEvent> Builder<V> adds(Class<E> type, BiFunction<E, EventRef, V> entry) {
            return add(new Adds<>(type, (e, ref) -> List.of(entry.apply(e, ref))));
        }

        /** An event that adds several entries (for example a notice to each side of a support move). */
        public <E extends LeadLedgerEvent> Builder<V> addsEach(Class<E> type,
                                                               BiFunction<E, EventRef, List<V>> entries) {
            return add(new Adds<>(type, entries));
        }

        private static List<String> single(String id) {
            return Collections.singletonList(id);
        }

        private Builder<V> add(Route<V> route) {
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

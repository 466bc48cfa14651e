package com.leadledger.query.projection;

import com.leadledger.events.LeadLedgerEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model kept in one PostgreSQL table, written by its {@link Projector}. The ingest calls every projection for
 * the newly stored events of a poll inside the transaction that stored them, so a view never moves ahead of or behind
 * {@code event_log}; a rebuild calls the same projections to fill shadow tables. Both hand over a batch of events in
 * stream order ({@link #projectAll}):
 * <ul>
 *   <li>Entries the events add are written as they are, in one batched statement; the table ignores an entry it
 *       already has (a redelivery).</li>
 *   <li>The view instances the events change are loaded in one statement, locked, in id order (so transactions that
 *       change the same rows lock them in the same order), the events are folded onto them in memory with the pure
 *       transitions ({@link Projector#foldOnto}), and the changed instances are written back in one batched
 *       statement.</li>
 * </ul>
 *
 * @param <V> the immutable view record
 */
public abstract class ViewProjection<V> {

    private final String table;
    private final Projector<V> projector;
    private final Function<List<String>, Map<String, V>> findAllForUpdate;
    private final Consumer<List<V>> saveAll;

    /**
     * A table of view instances that events create and change.
     *
     * @param findAllForUpdate the stored instances among the given ids (sorted), by id, locked until the transaction
     *                         ends
     * @param saveAll          inserts or replaces the given instances
     */
    protected ViewProjection(String table, Projector<V> projector,
                             Function<List<String>, Map<String, V>> findAllForUpdate, Consumer<List<V>> saveAll) {
        this.table = table;
        this.projector = projector;
        this.findAllForUpdate = findAllForUpdate;
        this.saveAll = saveAll;
    }

    /** A table of entries written once each: nothing is ever loaded to be changed. */
    protected ViewProjection(String table, Projector<V> projector, Consumer<List<V>> addAll) {
        this(table, projector, ids -> {
            throw new IllegalStateException(table + " holds entries written once; no event changes them");
        }, addAll);
        if (!projector.addsOnly()) {
            throw new IllegalArgumentException("the projector of " + table + " changes views; give it a way to load "
                    + "them");
        }
    }

    /** The table this read model writes, and only it: a rebuild recreates it from the event log and swaps it in. */
    public String table() {
        return table;
    }

    /** Applies the event if this read model cares about it; runs in the caller's transaction. */
    public void project(LeadLedgerEvent event, EventRef ref) {
        projectAll(List.of(new Projector.Step(event, ref)));
    }

    /** Applies the events, in stream order, that this read model cares about; runs in the caller's transaction. */
    public void projectAll(List<? extends Projector.Applied> events) {
        List<V> added = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (Projector.Applied applied : events) {
            added.addAll(projector.added(applied.event(), applied.ref()));
            ids.addAll(projector.viewIdsOf(applied.event()));
        }
        if (!added.isEmpty()) {
            saveAll.accept(added);
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, V> states = new HashMap<>(findAllForUpdate.apply(List.copyOf(ids)));
        Map<String, V> changed = projector.foldOnto(states, events);
        if (!changed.isEmpty()) {
            saveAll.accept(List.copyOf(changed.values()));
        }
    }
}

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
 * A rebuild, the only writer of its shadow tables, calls {@link #replayAll} instead: what the table does not hold yet
 * is added with {@code COPY} ({@link ViewTable#copyAll}) rather than with the statement that copes with a row
 * another transaction added meanwhile.
 *
 * @param <V> the immutable view record
 */
public abstract class ViewProjection<V> {

    private final String table;
    private final Projector<V> projector;
    private final Function<List<String>, Map<String, V>> findAllForUpdate;
    private final Consumer<List<V>> saveAll;
    private final Consumer<List<V>> addAllNew;

    /**
     * A table of view instances that events create and change.
     *
     * @param findAllForUpdate the stored instances among the given ids (sorted), by id, locked until the transaction
     *                         ends
     * @param saveAll          inserts or replaces the given instances
     * @param addAllNew        inserts the given instances, none of which the table holds, into a table that no other
     *                         transaction writes ({@link #replayAll})
     */
    protected ViewProjection(String table, Projector<V> projector,
                             Function<List<String>, Map<String, V>> findAllForUpdate, Consumer<List<V>> saveAll,
                             Consumer<List<V>> addAllNew) {
        this.table = table;
        this.projector = projector;
        this.findAllForUpdate = findAllForUpdate;
        this.saveAll = saveAll;
        this.addAllNew = addAllNew;
    }

    /**
     * A table of entries written once each: nothing is ever loaded to be changed.
     *
     * @param addAll    stores the given entries, except those the table holds (a redelivery)
     * @param addAllNew stores the given entries, none of which the table holds, in a table that no other transaction
     *                  writes ({@link #replayAll})
     */
    protected ViewProjection(String table, Projector<V> projector, Consumer<List<V>> addAll,
                             Consumer<List<V>> addAllNew) {
        this(table, projector, ids -> {
            throw new IllegalStateException(table + " holds entries written once; no event changes them");
        }, addAll, addAllNew);
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
        apply(events, false);
    }

    /**
     * {@link #projectAll} for a caller that alone writes the table until its transaction ends and hands over each
     * event once (a rebuild filling its shadow tables): the entries and view instances the table does not hold yet
     * are added with {@code addAllNew}, the instances it holds are replaced as {@link #projectAll} does.
     */
    public void replayAll(List<? extends Projector.Applied> events) {
        apply(events, true);
    }

    private void apply(List<? extends Projector.Applied> events, boolean soleWriter) {
        List<V> added = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        for (Projector.Applied applied : events) {
            added.addAll(projector.added(applied.event(), applied.ref()));
            ids.addAll(projector.viewIdsOf(applied.event()));
        }
        if (!added.isEmpty()) {
            (soleWriter ? addAllNew : saveAll).accept(added);
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, V> stored = findAllForUpdate.apply(List.copyOf(ids));
        Map<String, V> changed = projector.foldOnto(new HashMap<>(stored), events);
        if (changed.isEmpty()) {
            return;
        }
        if (!soleWriter) {
            saveAll.accept(List.copyOf(changed.values()));
            return;
        }
        List<V> replaced = new ArrayList<>();
        List<V> created = new ArrayList<>();
        changed.forEach((id, view) -> (stored.containsKey(id) ? replaced : created).add(view));
        if (!replaced.isEmpty()) {
            saveAll.accept(replaced);
        }
        if (!created.isEmpty()) {
            addAllNew.accept(created);
        }
    }
}

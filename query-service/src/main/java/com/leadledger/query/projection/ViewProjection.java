package com.leadledger.query.projection;

import com.leadledger.events.LeadLedgerEvent;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model kept in one PostgreSQL table, written by its {@link Projector}. The ingest calls every projection for
 * every newly stored event inside the transaction that stored it, so a view never moves ahead of or behind
 * {@code event_log}; a rebuild calls the same projections to fill shadow tables.
 * <ul>
 *   <li>Entries an event adds are saved as they are; the table ignores an entry it already has (a redelivery).</li>
 *   <li>For each view instance an event changes: load the row (locked), apply the pure transition, save the result.
 *       Instances are handled in id order, so an event that changes several rows (a support move) locks them in a
 *       stable order.</li>
 * </ul>
 *
 * @param <V> the immutable view record
 */
public abstract class ViewProjection<V> {

    private final String table;
    private final Projector<V> projector;
    private final Function<String, Optional<V>> findForUpdate;
    private final Consumer<V> save;

    /** A table of view instances that events create and change. */
    protected ViewProjection(String table, Projector<V> projector, Function<String, Optional<V>> findForUpdate,
                             Consumer<V> save) {
        this.table = table;
        this.projector = projector;
        this.findForUpdate = findForUpdate;
        this.save = save;
    }

    /** A table of entries written once each: nothing is ever loaded to be changed. */
    protected ViewProjection(String table, Projector<V> projector, Consumer<V> add) {
        this(table, projector, id -> {
            throw new IllegalStateException(table + " holds entries written once; no event changes them");
        }, add);
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
        projector.added(event, ref).forEach(save);
        projector.viewIdsOf(event).stream().sorted().forEach(id -> {
            V current = findForUpdate.apply(id).orElse(null);
            V next = projector.apply(current, event, ref);
            if (next != null && next != current) {
                save.accept(next);
            }
        });
    }
}

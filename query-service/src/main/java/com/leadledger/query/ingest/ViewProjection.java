package com.leadledger.query.ingest;

import com.leadledger.events.LeadLedgerEvent;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model of one table whose rows are the views of a {@link Projector}: for each view instance an event
 * addresses, load the row (locked), apply the pure transition, save the result. Instances are handled in id order, so
 * an event that changes several rows (a support move) locks them in a stable order.
 *
 * @param <V> the immutable view record
 */
public abstract class ViewProjection<V> implements Projection {

    private final String table;
    private final Projector<V> projector;
    private final Function<String, Optional<V>> findForUpdate;
    private final Consumer<V> save;

    protected ViewProjection(String table, Projector<V> projector, Function<String, Optional<V>> findForUpdate,
                             Consumer<V> save) {
        this.table = table;
        this.projector = projector;
        this.findForUpdate = findForUpdate;
        this.save = save;
    }

    @Override
    public List<String> tables() {
        return List.of(table);
    }

    @Override
    public void project(LeadLedgerEvent event, EventRef ref) {
        projector.viewIdsOf(event).stream().sorted().forEach(id -> {
            V current = findForUpdate.apply(id).orElse(null);
            V next = projector.apply(current, event, ref);
            if (next != null && next != current) {
                save.accept(next);
            }
        });
    }
}

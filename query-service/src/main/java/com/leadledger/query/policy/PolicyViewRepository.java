package com.leadledger.query.policy;

import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** {@code policy_view}: one row per version, with the policy document as JSON. */
@Repository
class PolicyViewRepository {

    private final JdbcTemplate writes;
    private final ViewTable<PolicyView> rows;

    PolicyViewRepository(JdbcTemplate writes, ViewDocuments documents) {
        this.writes = writes;
        this.rows = ViewTable.<PolicyView>of("policy_view", "version")
                .bigint("version", PolicyView::version)
                .timestamptz("published_at", PolicyView::publishedAt)
                .text("published_by", PolicyView::publishedBy)
                .jsonb("document", view -> documents.write(view.document()))
                .text("last_event_id", PolicyView::lastEventId)
                .addingOnce();
    }

    /** Stores each version unless it is stored (a redelivered or replayed event). */
    void addAll(List<PolicyView> views) {
        rows.writeAll(writes, views);
    }

    /** Adds versions the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<PolicyView> views) {
        rows.copyAll(writes, views);
    }
}

package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

@Repository
class OpportunityViewRepository {

    private static final ViewTable<OpportunityView> ROWS = ViewTable.<OpportunityView>of("opportunity_view",
                    "opportunity_id")
            .text("opportunity_id", OpportunityView::opportunityId)
            .text("customer_key", OpportunityView::customerKey)
            .text("product_line", OpportunityView::productLine)
            .timestamptz("opened_at", OpportunityView::openedAt)
            .text("supported_registration_id", OpportunityView::supportedRegistrationId)
            .timestamptz("updated_at", OpportunityView::updatedAt)
            .text("last_event_id", OpportunityView::lastEventId)
            .replacing();
    private static final String COLUMNS = String.join(", ", ROWS.columns());

    static final RowMapper<OpportunityView> ROW = (rs, row) -> new OpportunityView(
            rs.getString("opportunity_id"),
            rs.getString("customer_key"),
            rs.getString("product_line"),
            rs.getTimestamp("opened_at").toInstant(),
            rs.getString("supported_registration_id"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("last_event_id"));

    private final JdbcClient jdbc;
    private final JdbcTemplate writes;

    OpportunityViewRepository(JdbcClient jdbc, JdbcTemplate writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    Map<String, OpportunityView> findAllForUpdate(List<String> opportunityIds) {
        return ROWS.lockAll(jdbc, COLUMNS, opportunityIds, ROW);
    }

    void saveAll(List<OpportunityView> views) {
        ROWS.writeAll(writes, views);
    }

    /** Adds rows the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<OpportunityView> views) {
        ROWS.copyAll(writes, views);
    }
}

package com.leadledger.query.opportunity;

import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

@Repository
class OpportunityViewRepository {

    private static final String COLUMNS = "opportunity_id, customer_key, product_line, opened_at, "
            + "supported_registration_id, updated_at, last_event_id";

    static final RowMapper<OpportunityView> ROW = (rs, row) -> new OpportunityView(
            rs.getString("opportunity_id"),
            rs.getString("customer_key"),
            rs.getString("product_line"),
            rs.getTimestamp("opened_at").toInstant(),
            rs.getString("supported_registration_id"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("last_event_id"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    OpportunityViewRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Map<String, OpportunityView> findAllForUpdate(List<String> opportunityIds) {
        return ViewRows.lockAll(jdbc, "opportunity_view", "opportunity_id", COLUMNS, opportunityIds, ROW);
    }

    void saveAll(List<OpportunityView> views) {
        ViewRows.writeAll(batch, """
                INSERT INTO opportunity_view (%s)
                VALUES (:opportunityId, :customerKey, :productLine, :openedAt, :supported, :updatedAt,
                        :lastEventId)
                ON CONFLICT (opportunity_id) DO UPDATE SET
                    customer_key = EXCLUDED.customer_key, product_line = EXCLUDED.product_line,
                    opened_at = EXCLUDED.opened_at,
                    supported_registration_id = EXCLUDED.supported_registration_id,
                    updated_at = EXCLUDED.updated_at,
                    last_event_id = EXCLUDED.last_event_id""".formatted(COLUMNS), views,
                v -> new MapSqlParameterSource()
                        .addValue("opportunityId", v.opportunityId())
                        .addValue("customerKey", v.customerKey())
                        .addValue("productLine", v.productLine())
                        .addValue("openedAt", Timestamp.from(v.openedAt()))
                        .addValue("supported", v.supportedRegistrationId())
                        .addValue("updatedAt", Timestamp.from(v.updatedAt()))
                        .addValue("lastEventId", v.lastEventId()));
    }
}

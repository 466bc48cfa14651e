package com.leadledger.query.opportunity;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Optional;

@Repository
class OpportunityViewRepository {

    private static final String COLUMNS = "opportunity_id, customer_key, product_line, opened_at, "
            + "supported_registration_id, updated_at, last_event_id";

    private static final RowMapper<OpportunityView> ROW = (rs, row) -> new OpportunityView(
            rs.getString("opportunity_id"),
            rs.getString("customer_key"),
            rs.getString("product_line"),
            rs.getTimestamp("opened_at").toInstant(),
            rs.getString("supported_registration_id"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("last_event_id"));

    private final JdbcClient jdbc;

    public OpportunityViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OpportunityView> findForUpdate(String opportunityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opportunity_view WHERE opportunity_id = :id FOR UPDATE")
                .param("id", opportunityId).query(ROW).optional();
    }

    public Optional<OpportunityView> find(String opportunityId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM opportunity_view WHERE opportunity_id = :id")
                .param("id", opportunityId).query(ROW).optional();
    }

    void save(OpportunityView v) {
        jdbc.sql("""
                        INSERT INTO opportunity_view (%s)
                        VALUES (:opportunityId, :customerKey, :productLine, :openedAt, :supported, :updatedAt,
                                :lastEventId)
                        ON CONFLICT (opportunity_id) DO UPDATE SET
                            customer_key = EXCLUDED.customer_key, product_line = EXCLUDED.product_line,
                            opened_at = EXCLUDED.opened_at,
                            supported_registration_id = EXCLUDED.supported_registration_id,
                            updated_at = EXCLUDED.updated_at,
                            last_event_id = EXCLUDED.last_event_id""".formatted(COLUMNS))
                .param("opportunityId", v.opportunityId())
                .param("customerKey", v.customerKey())
                .param("productLine", v.productLine())
                .param("openedAt", Timestamp.from(v.openedAt()))
                .param("supported", v.supportedRegistrationId())
                .param("updatedAt", Timestamp.from(v.updatedAt()))
                .param("lastEventId", v.lastEventId())
                .update();
    }
}

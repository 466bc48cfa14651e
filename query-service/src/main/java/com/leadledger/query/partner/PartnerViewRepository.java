package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerTier;
import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code partner_view}: the projection writes whole rows; readers filter in SQL. */
@Repository
class PartnerViewRepository {

    private static final ViewTable<PartnerView> ROWS = ViewTable.<PartnerView>of("partner_view", "partner_id")
            .text("partner_id", PartnerView::partnerId)
            .text("name", PartnerView::name)
            .text("tier", v -> v.tier().name())
            .textArray("product_lines", PartnerView::productLines)
            .name("status", PartnerView::status)
            .text("webhook_url", PartnerView::webhookUrl)
            .timestamptz("onboarded_at", PartnerView::onboardedAt)
            .timestamptz("suspended_at", PartnerView::suspendedAt)
            .text("suspension_reason", PartnerView::suspensionReason)
            .integer("penalty_points", PartnerView::penaltyPoints)
            .timestamptz("updated_at", PartnerView::updatedAt)
            .text("last_event_id", PartnerView::lastEventId)
            .replacing();
    private static final String COLUMNS = String.join(", ", ROWS.columns());

    private static final RowMapper<PartnerView> ROW = (rs, n) -> {
        Array lines = rs.getArray("product_lines");
        return new PartnerView(
                rs.getString("partner_id"),
                rs.getString("name"),
                PartnerTier.valueOf(rs.getString("tier")),
                lines == null ? List.of() : Arrays.asList((String[]) lines.getArray()),
                PartnerView.Status.valueOf(rs.getString("status")),
                rs.getString("webhook_url"),
                rs.getTimestamp("onboarded_at").toInstant(),
                instant(rs.getTimestamp("suspended_at")),
                rs.getString("suspension_reason"),
                rs.getInt("penalty_points"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("last_event_id"));
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate writes;

    public PartnerViewRepository(JdbcClient jdbc, JdbcTemplate writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    Map<String, PartnerView> findAllForUpdate(List<String> partnerIds) {
        return ROWS.lockAll(jdbc, COLUMNS, partnerIds, ROW);
    }

    public Optional<PartnerView> find(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_view WHERE partner_id = :id")
                .param("id", partnerId).query(ROW).optional();
    }

    /** By name, then id. */
    public List<PartnerView> list(PartnerView.Status status, long offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(status, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_view" + where
                        + " ORDER BY name, partner_id LIMIT :limit OFFSET :offset")
                .params(params).query(ROW).list();
    }

    public long count(PartnerView.Status status) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM partner_view" + where(status, params)).params(params)
                .query(Long.class).single();
    }

    void saveAll(List<PartnerView> views) {
        ROWS.writeAll(writes, views);
    }

    /** Adds partners the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<PartnerView> views) {
        ROWS.copyAll(writes, views);
    }

    private static String where(PartnerView.Status status, Map<String, Object> params) {
        if (status == null) {
            return "";
        }
        params.put("status", status.name());
        return " WHERE status = :status";
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

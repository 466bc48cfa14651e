package com.leadledger.query.partner;

import com.leadledger.events.partner.PartnerTier;
import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private static final String COLUMNS = "partner_id, name, tier, product_lines, status, webhook_url, onboarded_at, "
            + "suspended_at, suspension_reason, penalty_points, updated_at, last_event_id";

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
    private final NamedParameterJdbcTemplate batch;

    public PartnerViewRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Map<String, PartnerView> findAllForUpdate(List<String> partnerIds) {
        return ViewRows.lockAll(jdbc, "partner_view", "partner_id", COLUMNS, partnerIds, ROW);
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
        ViewRows.writeAll(batch, """
                INSERT INTO partner_view (%s)
                VALUES (:partnerId, :name, :tier, :productLines, :status, :webhookUrl, :onboardedAt,
                        :suspendedAt, :suspensionReason, :penaltyPoints, :updatedAt, :lastEventId)
                ON CONFLICT (partner_id) DO UPDATE SET
                    name = EXCLUDED.name, tier = EXCLUDED.tier, product_lines = EXCLUDED.product_lines,
                    status = EXCLUDED.status, webhook_url = EXCLUDED.webhook_url,
                    onboarded_at = EXCLUDED.onboarded_at, suspended_at = EXCLUDED.suspended_at,
                    suspension_reason = EXCLUDED.suspension_reason,
                    penalty_points = EXCLUDED.penalty_points, updated_at = EXCLUDED.updated_at,
                    last_event_id = EXCLUDED.last_event_id""".formatted(COLUMNS), views,
                v -> new MapSqlParameterSource()
                        .addValue("partnerId", v.partnerId())
                        .addValue("name", v.name())
                        .addValue("tier", v.tier().name())
                        .addValue("productLines", v.productLines().toArray(String[]::new))
                        .addValue("status", v.status().name())
                        .addValue("webhookUrl", v.webhookUrl())
                        .addValue("onboardedAt", Timestamp.from(v.onboardedAt()))
                        .addValue("suspendedAt", v.suspendedAt() == null ? null : Timestamp.from(v.suspendedAt()))
                        .addValue("suspensionReason", v.suspensionReason())
                        .addValue("penaltyPoints", v.penaltyPoints())
                        .addValue("updatedAt", Timestamp.from(v.updatedAt()))
                        .addValue("lastEventId", v.lastEventId()));
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

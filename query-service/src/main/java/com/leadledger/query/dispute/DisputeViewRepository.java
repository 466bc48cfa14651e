package com.leadledger.query.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code dispute_view}: the projection writes whole documents; readers filter on the repeated columns in SQL. */
@Repository
public class DisputeViewRepository {

    /** Open disputes first, most urgent first; then the rest, newest first. */
    private static final String ORDER = " ORDER BY status = 'OPEN' DESC, sla_due_at ASC NULLS LAST, opened_at DESC,"
            + " dispute_id";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ObjectMapper mapper;
    private final RowMapper<DisputeView> row;

    DisputeViewRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.mapper = codec.mapper();
        this.row = (rs, n) -> read(rs.getString("document"));
    }

    Map<String, DisputeView> findAllForUpdate(List<String> disputeIds) {
        return ViewRows.lockAll(jdbc, "dispute_view", "dispute_id", "document::text AS document", disputeIds, row);
    }

    Optional<DisputeView> find(String disputeId) {
        return jdbc.sql("SELECT document::text AS document FROM dispute_view WHERE dispute_id = :id")
                .param("id", disputeId).query(row).optional();
    }

    /** The disputes about the opportunity: opened on it, or against a registration filed on it. */
    public List<String> idsAbout(String opportunityId) {
        return jdbc.sql("SELECT dispute_id FROM dispute_view WHERE opportunity_id = :id"
                        + " OR document->'respondent'->>'opportunityId' = :id")
                .param("id", opportunityId).query(String.class).list();
    }

    /** Every dispute (staff), optionally of one level and one status. */
    List<DisputeView> list(Integer level, DisputeView.Status status, long offset, int limit) {
        return select(level, status, null, offset, limit);
    }

    long count(Integer level, DisputeView.Status status) {
        return count(level, status, null);
    }

    /** The disputes the partner is a party of (complainant or linked respondent). */
    public List<DisputeView> ofParty(String partnerId, DisputeView.Status status, long offset, int limit) {
        return select(null, status, partnerId, offset, limit);
    }

    long countOfParty(String partnerId, DisputeView.Status status) {
        return count(null, status, partnerId);
    }

    private List<DisputeView> select(Integer level, DisputeView.Status status, String partyId, long offset,
                                     int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(level, status, partyId, params);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("SELECT document::text AS document FROM dispute_view" + where + ORDER
                        + " LIMIT :limit OFFSET :offset").params(params).query(row).list();
    }

    private long count(Integer level, DisputeView.Status status, String partyId) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM dispute_view" + where(level, status, partyId, params))
                .params(params).query(Long.class).single();
    }

    void saveAll(List<DisputeView> views) {
        ViewRows.writeAll(batch, """
                INSERT INTO dispute_view (dispute_id, type, status, level, opportunity_id,
                                          complainant_partner_id, respondent_partner_id, assignee, opened_at,
                                          sla_due_at, updated_at, last_event_id, document)
                VALUES (:id, :type, :status, :level, :opportunityId, :complainant, :respondent, :assignee,
                        :openedAt, :slaDueAt, :updatedAt, :lastEventId, CAST(:document AS jsonb))
                ON CONFLICT (dispute_id) DO UPDATE SET
                    status = EXCLUDED.status, level = EXCLUDED.level,
                    respondent_partner_id = EXCLUDED.respondent_partner_id, assignee = EXCLUDED.assignee,
                    sla_due_at = EXCLUDED.sla_due_at, updated_at = EXCLUDED.updated_at,
                    last_event_id = EXCLUDED.last_event_id, document = EXCLUDED.document""", views,
                v -> new MapSqlParameterSource()
                        .addValue("id", v.disputeId())
                        .addValue("type", v.type().name())
                        .addValue("status", v.status().name())
                        .addValue("level", v.level())
                        .addValue("opportunityId", v.opportunityId())
                        .addValue("complainant", v.complainantPartnerId())
                        .addValue("respondent", v.respondent() == null ? null : v.respondent().partnerId())
                        .addValue("assignee", v.assignee())
                        .addValue("openedAt", Timestamp.from(v.openedAt()))
                        .addValue("slaDueAt", v.slaDueAt() == null ? null : Timestamp.from(v.slaDueAt()))
                        .addValue("updatedAt", Timestamp.from(v.updatedAt()))
                        .addValue("lastEventId", v.lastEventId())
                        .addValue("document", write(v)));
    }

    private static String where(Integer level, DisputeView.Status status, String partyId, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (level != null) {
            where.append(" AND level = :level");
            params.put("level", level);
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (partyId != null) {
            where.append(" AND (complainant_partner_id = :party OR respondent_partner_id = :party)");
            params.put("party", partyId);
        }
        return where.toString();
    }

    private String write(DisputeView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dispute " + view.disputeId(), e);
        }
    }

    private DisputeView read(String json) {
        try {
            return mapper.readValue(json, DisputeView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dispute_view holds a document this version cannot read", e);
        }
    }
}

package com.leadledger.query.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
    private final JdbcTemplate writes;
    private final ObjectMapper mapper;
    private final RowMapper<DisputeView> row;
    private final ViewTable<DisputeView> rows = ViewTable.<DisputeView>of("dispute_view", "dispute_id")
            .text("dispute_id", DisputeView::disputeId)
            .name("type", DisputeView::type)
            .name("status", DisputeView::status)
            .integer("level", DisputeView::level)
            .text("opportunity_id", DisputeView::opportunityId)
            .text("complainant_partner_id", DisputeView::complainantPartnerId)
            .text("respondent_partner_id", v -> v.respondent() == null ? null : v.respondent().partnerId())
            .text("assignee", DisputeView::assignee)
            .timestamptz("opened_at", DisputeView::openedAt)
            .timestamptz("sla_due_at", DisputeView::slaDueAt)
            .timestamptz("updated_at", DisputeView::updatedAt)
            .text("last_event_id", DisputeView::lastEventId)
            .jsonb("document", this::write)
            .replacing();

    DisputeViewRepository(JdbcClient jdbc, JdbcTemplate writes, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.mapper = codec.mapper();
        this.row = (rs, n) -> read(rs.getString("document"));
    }

    Map<String, DisputeView> findAllForUpdate(List<String> disputeIds) {
        return rows.lockAll(jdbc, "document::text AS document", disputeIds, row);
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
        rows.writeAll(writes, views);
    }

    /** Adds disputes the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<DisputeView> views) {
        rows.copyAll(writes, views);
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

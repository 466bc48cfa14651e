package com.leadledger.query.notice;

import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** {@code notice}: written once per notice id by the projection; always read for one recipient partner. */
@Repository
public class NoticeRepository {

    private static final String COLUMNS = "notice_id, event_id, global_index, partner_id, registration_id, "
            + "opportunity_id, kind, message, occurred_at";
    private static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, global_index DESC, notice_id DESC";

    private static final RowMapper<Notice> ROW = (rs, n) -> new Notice(
            rs.getString("notice_id"),
            rs.getString("event_id"),
            rs.getLong("global_index"),
            rs.getString("partner_id"),
            rs.getString("registration_id"),
            rs.getString("opportunity_id"),
            NoticeKind.valueOf(rs.getString("kind")),
            rs.getString("message"),
            rs.getTimestamp("occurred_at").toInstant());

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    public NoticeRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Stores each notice unless one with its id exists (a redelivered or replayed event). */
    void addAll(List<Notice> notices) {
        ViewRows.writeAll(batch, "INSERT INTO notice (" + COLUMNS + ") VALUES (:noticeId, :eventId, :globalIndex, "
                + ":partnerId, :registrationId, :opportunityId, :kind, :message, :occurredAt) "
                + "ON CONFLICT (notice_id) DO NOTHING", notices, n -> new MapSqlParameterSource()
                .addValue("noticeId", n.noticeId())
                .addValue("eventId", n.eventId())
                .addValue("globalIndex", n.globalIndex())
                .addValue("partnerId", n.partnerId())
                .addValue("registrationId", n.registrationId())
                .addValue("opportunityId", n.opportunityId())
                .addValue("kind", n.kind().name())
                .addValue("message", n.message())
                .addValue("occurredAt", Timestamp.from(n.occurredAt())));
    }

    /** The partner's notices, newest first. */
    List<Notice> ofPartner(String partnerId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE partner_id = :partnerId" + NEWEST_FIRST
                        + " LIMIT :limit OFFSET :offset")
                .param("partnerId", partnerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ROW).list();
    }

    long countOfPartner(String partnerId) {
        return jdbc.sql("SELECT count(*) FROM notice WHERE partner_id = :partnerId")
                .param("partnerId", partnerId).query(Long.class).single();
    }

    /** What {@code partnerId} was told about its registration, newest first. */
    public List<Notice> ofRegistration(String partnerId, String registrationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE registration_id = :registrationId "
                        + "AND partner_id = :partnerId" + NEWEST_FIRST)
                .param("registrationId", registrationId)
                .param("partnerId", partnerId)
                .query(ROW).list();
    }
}

package com.leadledger.query.notice;

import org.springframework.jdbc.core.RowMapper;
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

    public NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notice unless one with its id exists (a redelivered or replayed event). */
    void add(Notice n) {
        jdbc.sql("INSERT INTO notice (" + COLUMNS + ") VALUES (:noticeId, :eventId, :globalIndex, :partnerId, "
                        + ":registrationId, :opportunityId, :kind, :message, :occurredAt) "
                        + "ON CONFLICT (notice_id) DO NOTHING")
                .param("noticeId", n.noticeId())
                .param("eventId", n.eventId())
                .param("globalIndex", n.globalIndex())
                .param("partnerId", n.partnerId())
                .param("registrationId", n.registrationId())
                .param("opportunityId", n.opportunityId())
                .param("kind", n.kind().name())
                .param("message", n.message())
                .param("occurredAt", Timestamp.from(n.occurredAt()))
                .update();
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

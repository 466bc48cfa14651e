package com.leadledger.query.notice;

import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** {@code notice}: written once per notice id by the projection; always read for one recipient partner. */
@Repository
public class NoticeRepository {

    private static final ViewTable<Notice> ROWS = ViewTable.<Notice>of("notice", "notice_id")
            .text("notice_id", Notice::noticeId)
            .text("event_id", Notice::eventId)
            .bigint("global_index", Notice::globalIndex)
            .text("partner_id", Notice::partnerId)
            .text("registration_id", Notice::registrationId)
            .text("opportunity_id", Notice::opportunityId)
            .name("kind", Notice::kind)
            .text("message", Notice::message)
            .timestamptz("occurred_at", Notice::occurredAt)
            .addingOnce();
    private static final String COLUMNS = String.join(", ", ROWS.columns());
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
    private final JdbcTemplate writes;

    public NoticeRepository(JdbcClient jdbc, JdbcTemplate writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Stores each notice unless one with its id exists (a redelivered or replayed event). */
    void addAll(List<Notice> notices) {
        ROWS.writeAll(writes, notices);
    }

    /** Adds notices the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<Notice> notices) {
        ROWS.copyAll(writes, notices);
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

package com.leadledger.query.dumping;

import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.query.projection.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code dumping_flag_view}: whole documents, with the status and time the queue filters and sorts on. */
@Repository
class DumpingFlagRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate writes;
    private final RowMapper<DumpingFlagView> row;
    private final ViewTable<DumpingFlagView> rows;

    DumpingFlagRepository(JdbcClient jdbc, JdbcTemplate writes, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.row = (rs, n) -> documents.read(rs.getString("document"), DumpingFlagView.class);
        this.rows = ViewTable.<DumpingFlagView>of("dumping_flag_view", "flag_id")
                .text("flag_id", DumpingFlagView::flagId)
                .name("status", DumpingFlagView::status)
                .timestamptz("flagged_at", DumpingFlagView::flaggedAt)
                .text("last_event_id", DumpingFlagView::lastEventId)
                .jsonb("document", documents::write)
                .replacing();
    }

    Map<String, DumpingFlagView> findAllForUpdate(List<String> flagIds) {
        return rows.lockAll(jdbc, "document::text AS document", flagIds, row);
    }

    Optional<DumpingFlagView> find(String flagId) {
        return jdbc.sql("SELECT document::text AS document FROM dumping_flag_view WHERE flag_id = :id")
                .param("id", flagId).query(row).optional();
    }

    /** The flags of one status, oldest first (the longest waiting on top). */
    List<DumpingFlagView> list(DumpingFlagView.Status status, long offset, int limit) {
        return jdbc.sql("SELECT document::text AS document FROM dumping_flag_view WHERE status = :status"
                        + " ORDER BY flagged_at, flag_id LIMIT :limit OFFSET :offset")
                .param("status", status.name()).param("limit", limit).param("offset", offset).query(row).list();
    }

    long count(DumpingFlagView.Status status) {
        return jdbc.sql("SELECT count(*) FROM dumping_flag_view WHERE status = :status")
                .param("status", status.name()).query(Long.class).single();
    }

    void saveAll(List<DumpingFlagView> views) {
        rows.writeAll(writes, views);
    }

    /** Adds flags the table does not hold, in a transaction that alone writes it ({@link ViewTable#copyAll}). */
    void copyAll(List<DumpingFlagView> views) {
        rows.copyAll(writes, views);
    }
}

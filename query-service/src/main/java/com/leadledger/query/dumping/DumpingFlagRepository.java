package com.leadledger.query.dumping;

import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code dumping_flag_view}: whole documents, with the status and time the queue filters and sorts on. */
@Repository
class DumpingFlagRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ViewDocuments documents;
    private final RowMapper<DumpingFlagView> row;

    DumpingFlagRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.documents = documents;
        this.row = (rs, n) -> documents.read(rs.getString("document"), DumpingFlagView.class);
    }

    Map<String, DumpingFlagView> findAllForUpdate(List<String> flagIds) {
        return ViewRows.lockAll(jdbc, "dumping_flag_view", "flag_id", "document::text AS document", flagIds, row);
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
        ViewRows.writeAll(batch, """
                INSERT INTO dumping_flag_view (flag_id, status, flagged_at, last_event_id, document)
                VALUES (:id, :status, :flaggedAt, :lastEventId, CAST(:document AS jsonb))
                ON CONFLICT (flag_id) DO UPDATE SET
                    status = EXCLUDED.status, last_event_id = EXCLUDED.last_event_id,
                    document = EXCLUDED.document""", views, v -> new MapSqlParameterSource()
                .addValue("id", v.flagId())
                .addValue("status", v.status().name())
                .addValue("flaggedAt", Timestamp.from(v.flaggedAt()))
                .addValue("lastEventId", v.lastEventId())
                .addValue("document", documents.write(v)));
    }
}

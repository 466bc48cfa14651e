package com.leadledger.query.policy;

import com.leadledger.query.projection.ViewDocuments;
import com.leadledger.query.projection.ViewRows;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** {@code policy_view}: one row per version, with the policy document as JSON. */
@Repository
class PolicyViewRepository {

    private final NamedParameterJdbcTemplate batch;
    private final ViewDocuments documents;

    PolicyViewRepository(NamedParameterJdbcTemplate batch, ViewDocuments documents) {
        this.batch = batch;
        this.documents = documents;
    }

    /** Stores each version unless it is stored (a redelivered or replayed event). */
    void addAll(List<PolicyView> views) {
        ViewRows.writeAll(batch, """
                INSERT INTO policy_view (version, published_at, published_by, document, last_event_id)
                VALUES (:version, :publishedAt, :publishedBy, CAST(:document AS jsonb), :lastEventId)
                ON CONFLICT (version) DO NOTHING""", views, view -> new MapSqlParameterSource()
                .addValue("version", view.version())
                .addValue("publishedAt", Timestamp.from(view.publishedAt()))
                .addValue("publishedBy", view.publishedBy())
                .addValue("document", documents.write(view.document()))
                .addValue("lastEventId", view.lastEventId()));
    }
}

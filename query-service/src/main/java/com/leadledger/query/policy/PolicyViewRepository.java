package com.leadledger.query.policy;

import com.leadledger.query.projection.ViewDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;

/** {@code policy_view}: one row per version, with the policy document as JSON. */
@Repository
class PolicyViewRepository {

    private final JdbcClient jdbc;
    private final ViewDocuments documents;

    PolicyViewRepository(JdbcClient jdbc, ViewDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /** Stores the version unless it is stored (a redelivered or replayed event). */
    void add(PolicyView view) {
        jdbc.sql("""
                        INSERT INTO policy_view (version, published_at, published_by, document, last_event_id)
                        VALUES (:version, :publishedAt, :publishedBy, CAST(:document AS jsonb), :lastEventId)
                        ON CONFLICT (version) DO NOTHING""")
                .param("version", view.version())
                .param("publishedAt", Timestamp.from(view.publishedAt()))
                .param("publishedBy", view.publishedBy())
                .param("document", documents.write(view.document()))
                .param("lastEventId", view.lastEventId())
                .update();
    }
}

package com.leadledger.query.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EnvelopeCodec;
import com.leadledger.query.ingest.EventRef;
import com.leadledger.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/** Keeps {@code policy_view}: one row per published version, written once. */
@Component
class PolicyProjection implements Projection {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    PolicyProjection(JdbcClient jdbc, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.mapper = codec.mapper();
    }

    @Override
    public List<String> tables() {
        return List.of("policy_view");
    }

    @Override
    public void project(LeadLedgerEvent event, EventRef ref) {
        if (!PolicyView.PROJECTOR.handles(event)) {
            return;
        }
        PolicyView view = PolicyView.PROJECTOR.apply(null, event, ref);
        jdbc.sql("""
                        INSERT INTO policy_view (version, published_at, published_by, document, last_event_id)
                        VALUES (:version, :publishedAt, :publishedBy, CAST(:document AS jsonb), :lastEventId)
                        ON CONFLICT (version) DO NOTHING""")
                .param("version", view.version())
                .param("publishedAt", Timestamp.from(view.publishedAt() != null ? view.publishedAt() : ref.timestamp()))
                .param("publishedBy", view.publishedBy())
                .param("document", json(view.document()))
                .param("lastEventId", view.lastEventId())
                .update();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the policy document", e);
        }
    }
}

package com.leadledger.command.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * Command-side view of the published policy versions, written in the same transaction as {@link PolicyPublished}
 * (subscribing processor), so a command always checks against the version in force.
 */
@Component
@ProcessingGroup(PolicyVersions.PROCESSING_GROUP)
public class PolicyVersions implements Policies {

    public static final String PROCESSING_GROUP = "command-views";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    PolicyVersions(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(PolicyPublished event) throws JsonProcessingException {
        jdbc.sql("""
                        INSERT INTO policy_version (version, document, published_at, published_by)
                        VALUES (:version, CAST(:document AS jsonb), :publishedAt, :publishedBy)
                        ON CONFLICT (version) DO NOTHING""")
                .param("version", event.version())
                .param("document", mapper.writeValueAsString(event.policy()))
                .param("publishedAt", Timestamp.from(event.publishedAt()))
                .param("publishedBy", event.publishedBy())
                .update();
    }

    public Optional<PublishedPolicy> current() {
        return query("SELECT * FROM policy_version ORDER BY version DESC LIMIT 1", null);
    }

    public Optional<PublishedPolicy> find(long version) {
        return query("SELECT * FROM policy_version WHERE version = :version", version);
    }

    /** The policy in force; the service does not accept commands before one is published. */
    @Override
    public PublishedPolicy inForce() {
        return current().orElseThrow(() -> new IllegalStateException("no policy has been published yet"));
    }

    @Override
    public PublishedPolicy version(long version) {
        return find(version).orElseThrow(
                () -> new IllegalStateException("policy version " + version + " is not published"));
    }

    private Optional<PublishedPolicy> query(String sql, Long version) {
        var spec = jdbc.sql(sql);
        if (version != null) {
            spec = spec.param("version", version);
        }
        return spec.query((rs, n) -> {
            try {
                return new PublishedPolicy(rs.getLong("version"), rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"),
                        mapper.readValue(rs.getString("document"), PolicyDocument.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored policy " + rs.getLong("version") + " is unreadable", e);
            }
        }).optional();
    }
}

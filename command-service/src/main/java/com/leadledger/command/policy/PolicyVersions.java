package com.leadledger.command.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * <p>Which version is in force is read from the database on every call (a one-column index lookup in the command's
 * transaction), so every instance sees a version as soon as its publication committed, whichever instance published
 * it. A published version never changes, so its document is read and parsed once per instance and kept
 * ({@link #MAX_KEPT_VERSIONS}). Only committed rows read back are kept, never the event being applied: its transaction
 * may still roll back.
 */
@Component
@ProcessingGroup(PolicyVersions.PROCESSING_GROUP)
public class PolicyVersions implements Policies {

    public static final String PROCESSING_GROUP = "command-views";

    static final int MAX_KEPT_VERSIONS = 64;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final Cache<Long, PublishedPolicy> published = Caffeine.newBuilder().maximumSize(MAX_KEPT_VERSIONS).build();

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
        Long latest = jdbc.sql("SELECT max(version) FROM policy_version").query(Long.class).single();
        return latest == null ? Optional.empty() : find(latest);
    }

    public Optional<PublishedPolicy> find(long version) {
        PublishedPolicy kept = published.getIfPresent(version);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<PublishedPolicy> read = read(version);
        read.ifPresent(p -> published.put(version, p));
        return read;
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

    private Optional<PublishedPolicy> read(long version) {
        return jdbc.sql("SELECT * FROM policy_version WHERE version = :version").param("version", version)
                .query((rs, n) -> {
                    try {
                        return new PublishedPolicy(rs.getLong("version"), rs.getTimestamp("published_at").toInstant(),
                                rs.getString("published_by"),
                                mapper.readValue(rs.getString("document"), PolicyDocument.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored policy " + version + " is unreadable", e);
                    }
                }).optional();
    }
}

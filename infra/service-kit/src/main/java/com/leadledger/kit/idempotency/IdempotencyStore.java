package com.leadledger.kit.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys in the service's own database (table {@code idempotency_key}, created by each service's Flyway
 * migrations). A key is claimed by inserting a pending row, marked when the request's work commits, completed with
 * the response, or released when the request fails.
 */
public class IdempotencyStore {

    /** A pending claim older than this is taken to be abandoned (its request died) and may be claimed again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /**
     * The status of a key whose request's work is committed while its answer is not recorded (yet, or ever, when the
     * service stopped in between): such a key is in progress until it is completed or expires, never abandoned.
     */
    static final int WORK_COMMITTED = 0;

    /** @param pending no answer recorded: the request is running, died before committing, or committed its work */
    record Entry(String fingerprint, boolean pending, int status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    public IdempotencyStore(JdbcClient jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    /** Empty when this request now owns the key; otherwise what an earlier request with the key left. */
    Optional<Entry> claim(String scope, String key, String fingerprint) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        DELETE FROM idempotency_key WHERE scope = :scope AND idem_key = :key
                          AND (created_at < :expired OR (status IS NULL AND created_at < :abandoned))""")
                .param("scope", scope).param("key", key)
                .param("expired", Timestamp.from(clock.instant().minus(retention)))
                .param("abandoned", Timestamp.from(clock.instant().minus(ABANDONED_AFTER)))
                .update();
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_key (scope, idem_key, fingerprint, created_at)
                        VALUES (:scope, :key, :fingerprint, :now) ON CONFLICT (scope, idem_key) DO NOTHING""")
                .param("scope", scope).param("key", key).param("fingerprint", fingerprint).param("now", now)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT fingerprint, status, content_type, body FROM idempotency_key "
                        + "WHERE scope = :scope AND idem_key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new Entry(rs.getString(1),
                        rs.getObject(2) == null || rs.getInt(2) == WORK_COMMITTED, rs.getInt(2), rs.getString(3),
                        rs.getBytes(4)))
                .optional()
                .or(() -> Optional.of(new Entry(fingerprint, true, 0, null, null)));
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_key SET status = :status, content_type = :contentType, body = :body
                        WHERE scope = :scope AND idem_key = :key""")
                .param("status", status).param("contentType", contentType).param("body", body)
                .param("scope", scope).param("key", key)
                .update();
    }

    /** In the transaction that commits the request's work (see {@link CommittedWork}). */
    void markWorkCommitted(String scope, String key) {
        jdbc.sql("UPDATE idempotency_key SET status = :committed WHERE scope = :scope AND idem_key = :key "
                        + "AND status IS NULL")
                .param("committed", WORK_COMMITTED).param("scope", scope).param("key", key)
                .update();
    }

    /** Forgets the claim of a request that answered without success (whether or not it committed any work). */
    void release(String scope, String key) {
        jdbc.sql("""
                        DELETE FROM idempotency_key WHERE scope = :scope AND idem_key = :key
                          AND (status IS NULL OR status = :committed)""")
                .param("scope", scope).param("key", key).param("committed", WORK_COMMITTED).update();
    }

    /** Forgets keys older than the retention period. */
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :expired")
                .param("expired", Timestamp.from(clock.instant().minus(retention))).update();
    }
}

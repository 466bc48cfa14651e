package com.leadledger.command.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The delivery rows: written by the fan-out, claimed and settled by the dispatcher, listed for partners and ADMIN. */
@Component
class WebhookDeliveries {

    enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery as the API shows it (the body it posts included). */
    record Delivery(UUID id, String partnerId, String eventId, String eventType, Status status, int attempts,
                    Integer lastHttpStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
                    Instant nextAttemptAt, Instant retryUntil, String body) {
    }

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a pending delivery, due now; a second one for the same partner, event and type is ignored. */
    void add(String partnerId, String eventId, String eventType, String body, Instant now, Instant retryUntil) {
        jdbc.sql("""
                        INSERT INTO webhook_delivery (id, partner_id, event_id, event_type, body, status, created_at,
                                                      retry_until, next_attempt_at)
                        VALUES (:id, :partner, :event, :type, :body, 'PENDING', :now, :until, :now)
                        ON CONFLICT (partner_id, event_id, event_type) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("partner", partnerId)
                .param("event", eventId)
                .param("type", eventType)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(retryUntil))
                .update();
    }

    /**
     * Pending deliveries due at {@code now}, at most one per partner and none for the {@code busy} partners, locked
     * against other instances; the caller claims them with {@link #lease} in the same transaction.
     */
    List<Delivery> due(Instant now, List<String> busy, int limit) {
        List<Delivery> candidates = jdbc.sql("""
                        SELECT * FROM webhook_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= :now AND NOT (partner_id = ANY(:busy))
                        ORDER BY next_attempt_at LIMIT :scan FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .param("busy", busy.toArray(String[]::new))
                .param("scan", Math.max(limit * 10, 50))
                .query(WebhookDeliveries::delivery).list();
        return candidates.stream()
                .filter(distinctPartners())
                .limit(limit)
                .toList();
    }

    private static Predicate<Delivery> distinctPartners() {
        Set<String> seen = new HashSet<>();
        return delivery -> seen.add(delivery.partnerId());
    }

    /** When the earliest pending delivery falls due (a leased one when its lease ends), if any is pending. */
    Optional<Instant> nextDue() {
        return jdbc.sql("""
                        SELECT next_attempt_at FROM webhook_delivery WHERE status = 'PENDING'
                        ORDER BY next_attempt_at LIMIT 1""")
                .query((rs, n) -> instant(rs, "next_attempt_at")).optional();
    }

    /** Nobody else attempts it before {@code until} (when this instance stops mid-attempt, another takes over). */
    void lease(UUID id, Instant until) {
        jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = :until WHERE id = :id")
                .param("id", id).param("until", Timestamp.from(until)).update();
    }

    void settle(UUID id, Status status, int httpStatus, String error, Instant attemptedAt, Instant nextAttemptAt) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = :status, attempts = attempts + 1,
                            last_http_status = :http, last_error = :error, last_attempt_at = :at,
                            next_attempt_at = :next
                        WHERE id = :id""")
                .param("id", id)
                .param("status", status.name())
                .param("http", httpStatus == 0 ? null : httpStatus)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .param("at", Timestamp.from(attemptedAt))
                .param("next", Timestamp.from(nextAttemptAt))
                .update();
    }

    /** The partner's deliveries, newest first. */
    List<Delivery> page(String partnerId, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM webhook_delivery WHERE partner_id = :partner
                        ORDER BY created_at DESC, id LIMIT :size OFFSET :offset""")
                .param("partner", partnerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(WebhookDeliveries::delivery).list();
    }

    long count(String partnerId) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE partner_id = :partner")
                .param("partner", partnerId).query(Long.class).single();
    }

    Optional<Delivery> find(String partnerId, UUID id) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE partner_id = :partner AND id = :id")
                .param("partner", partnerId).param("id", id)
                .query(WebhookDeliveries::delivery).optional();
    }

    /** Due again now and retried for another period, whatever it came to before; false when there is no such one. */
    boolean redeliver(String partnerId, UUID id, Instant now, Instant retryUntil) {
        return jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, retry_until = :until
                        WHERE partner_id = :partner AND id = :id""")
                .param("partner", partnerId)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(retryUntil))
                .update() == 1;
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Integer http = rs.getObject("last_http_status", Integer.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("partner_id"), rs.getString("event_id"),
                rs.getString("event_type"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                http, rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "retry_until"),
                rs.getString("body"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}

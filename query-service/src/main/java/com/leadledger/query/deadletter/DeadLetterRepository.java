package com.leadledger.query.deadletter;

import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.query.ingest.Failures;
import com.leadledger.query.ingest.IngestSource;
import com.leadledger.query.ingest.ParkedSequences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code dead_letter}: parked records and the events queued behind them, per aggregate in arrival order. */
@Repository
class DeadLetterRepository implements ParkedSequences {

    static final int MAX_TEXT = 4_000;
    private static final String COLUMNS = """
            id, status, reason, sequence_key, event_id, event_type, aggregate_type, aggregate_id, sequence_number,
            in_event_log, topic, kafka_partition, kafka_offset, record_key, record_value, error_class, error_message,
            parked_at, last_failed_at, attempts, resolved_at, resolved_by, resolution, resolution_note""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeadLetterRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void lock(String aggregateId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 8)) IS NULL")
                .param("key", clean(aggregateId)).query(Boolean.class).single();
    }

    @Override
    public void lockAll(Collection<String> aggregateIds) {
        jdbc.sql("""
                        SELECT bool_and(pg_advisory_xact_lock(hashtextextended(k.key, 8)) IS NULL)
                        FROM (SELECT key FROM unnest(CAST(:keys AS text[])) AS key ORDER BY key COLLATE "C") k""")
                .param("keys", aggregateIds.stream().map(DeadLetterRepository::clean).distinct().toArray(String[]::new))
                .query(Boolean.class).list();
    }

    @Override
    public Set<String> blockedAmong(Collection<String> aggregateIds) {
        Map<String, String> byKey = new HashMap<>();
        aggregateIds.forEach(id -> byKey.put(clean(id), id));
        return jdbc.sql("SELECT DISTINCT sequence_key FROM dead_letter WHERE sequence_key = ANY(CAST(:keys AS text[]))"
                        + " AND status <> 'RESOLVED'")
                .param("keys", byKey.keySet().toArray(String[]::new))
                .query(String.class).list().stream().map(byKey::get).collect(Collectors.toSet());
    }

    @Override
    public boolean isBlocked(String aggregateId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dead_letter WHERE sequence_key = :key AND status <> 'RESOLVED')")
                .param("key", clean(aggregateId)).query(Boolean.class).single();
    }

    @Override
    public void queue(IngestSource source, EventEnvelope envelope) {
        insert(DeadLetterStatus.QUEUED, "queued", envelope.aggregateId(), envelope, true, source, null);
    }

    /** @return the new entry's id; empty when the event (or the identity-less record) is already in the store */
    Optional<Long> insert(DeadLetterStatus status, String reason, String sequenceKey, EventEnvelope envelope,
                          boolean inEventLog, IngestSource source, Throwable failure) {
        Throwable root = failure == null ? null : Failures.root(failure);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        INSERT INTO dead_letter (status, reason, sequence_key, event_id, event_type, aggregate_type,
                                                 aggregate_id, sequence_number, in_event_log, topic, kafka_partition,
                                                 kafka_offset, record_key, record_value, error_class, error_message,
                                                 parked_at, last_failed_at, attempts)
                        VALUES (:status, :reason, :sequenceKey, :eventId, :eventType, :aggregateType, :aggregateId,
                                :sequenceNumber, :inEventLog, :topic, :partition, :offset, :recordKey, :recordValue,
                                :errorClass, :errorMessage, :now, :lastFailedAt, :attempts)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("status", status.name())
                .param("reason", reason)
                .param("sequenceKey", clean(sequenceKey))
                .param("eventId", envelope == null ? null : clean(envelope.eventId()))
                .param("eventType", envelope == null ? null : clean(envelope.eventType()))
                .param("aggregateType", envelope == null ? null : clean(envelope.aggregateType()))
                .param("aggregateId", envelope == null ? null : clean(envelope.aggregateId()))
                .param("sequenceNumber", envelope == null ? null : envelope.sequenceNumber())
                .param("inEventLog", inEventLog)
                .param("topic", clean(source.topic()))
                .param("partition", source.partition())
                .param("offset", source.offset())
                .param("recordKey", clean(source.key()))
                .param("recordValue", source.value())
                .param("errorClass", root == null ? null : root.getClass().getName())
                .param("errorMessage", root == null ? null : clean(String.valueOf(root.getMessage())))
                .param("now", now)
                .param("lastFailedAt", failure == null ? null : now)
                .param("attempts", failure == null ? 0 : 1)
                .query(Long.class).optional();
    }

    boolean existsForEvent(String eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dead_letter WHERE event_id = :id)")
                .param("id", clean(eventId)).query(Boolean.class).single();
    }

    Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id").param("id", id)
                .query(DeadLetterRepository::row).optional();
    }

    Optional<DeadLetter> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE id = :id FOR UPDATE").param("id", id)
                .query(DeadLetterRepository::row).optional();
    }

    /** The open entry of the aggregate that must be applied first (the earliest to arrive), locked. */
    Optional<DeadLetter> first(String sequenceKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE sequence_key = :key AND status <> 'RESOLVED' "
                        + "ORDER BY id LIMIT 1 FOR UPDATE")
                .param("key", sequenceKey).query(DeadLetterRepository::row).optional();
    }

    void resolved(long id, String by) {
        jdbc.sql("""
                        UPDATE dead_letter SET status = 'RESOLVED', in_event_log = (event_id IS NOT NULL),
                                               resolved_at = :now, resolved_by = :by, resolution = 'APPLIED'
                        WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(clock.instant())).param("by", clean(by)).update();
    }

    void discarded(long id, String by, String note) {
        jdbc.sql("""
                        UPDATE dead_letter SET status = 'RESOLVED', resolved_at = :now, resolved_by = :by,
                                               resolution = 'DISCARDED', resolution_note = :note
                        WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(clock.instant())).param("by", clean(by))
                .param("note", clean(note)).update();
    }

    void storedInEventLog(long id) {
        jdbc.sql("UPDATE dead_letter SET in_event_log = true WHERE id = :id").param("id", id).update();
    }

    /** Another failed attempt; the entry is (now) its aggregate's parked one. */
    void failedAgain(long id, Throwable failure) {
        Throwable root = Failures.root(failure);
        jdbc.sql("""
                        UPDATE dead_letter SET status = 'PARKED', attempts = attempts + 1, last_failed_at = :now,
                                               error_class = :errorClass, error_message = :errorMessage
                        WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(clock.instant()))
                .param("errorClass", root.getClass().getName())
                .param("errorMessage", clean(String.valueOf(root.getMessage())))
                .update();
    }

    List<DeadLetter> list(DeadLetterStatus status, String aggregateId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letter WHERE " + filter(status, aggregateId)
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name()).param("aggregateId", aggregateId)
                .param("limit", limit).param("offset", offset)
                .query(DeadLetterRepository::row).list();
    }

    long count(DeadLetterStatus status, String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM dead_letter WHERE " + filter(status, aggregateId))
                .param("status", status == null ? null : status.name()).param("aggregateId", aggregateId)
                .query(Long.class).single();
    }

    /** How many entries are open, by status (PARKED, QUEUED). */
    public Map<DeadLetterStatus, Long> openCounts() {
        Map<DeadLetterStatus, Long> counts = new EnumMap<>(DeadLetterStatus.class);
        counts.put(DeadLetterStatus.PARKED, 0L);
        counts.put(DeadLetterStatus.QUEUED, 0L);
        jdbc.sql("SELECT status, count(*) FROM dead_letter WHERE status <> 'RESOLVED' GROUP BY status")
                .query((rs, n) -> counts.put(DeadLetterStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static String filter(DeadLetterStatus status, String aggregateId) {
        return (status == null ? "true" : "status = :status")
                + (aggregateId == null ? "" : " AND aggregate_id = :aggregateId");
    }

    private static DeadLetter row(ResultSet rs, int n) throws SQLException {
        long sequenceNumber = rs.getLong("sequence_number");
        Long sequence = rs.wasNull() ? null : sequenceNumber;
        return new DeadLetter(rs.getLong("id"), DeadLetterStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("sequence_key"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("aggregate_type"), rs.getString("aggregate_id"), sequence,
                rs.getBoolean("in_event_log"),
                new IngestSource(rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                        rs.getString("record_key"), rs.getBytes("record_value")),
                rs.getString("error_class"), rs.getString("error_message"), instant(rs, "parked_at"),
                instant(rs, "last_failed_at"), rs.getInt("attempts"), instant(rs, "resolved_at"),
                rs.getString("resolved_by"),
                rs.getString("resolution") == null ? null : DeadLetter.Resolution.valueOf(rs.getString("resolution")),
                rs.getString("resolution_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** PostgreSQL text cannot hold NUL; a record must never fail to park because of what it carries. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String without = text.replace('\u0000', '\uFFFD');
        return without.length() <= MAX_TEXT ? without : without.substring(0, MAX_TEXT) + "…";
    }
}

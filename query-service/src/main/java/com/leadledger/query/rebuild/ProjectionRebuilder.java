package com.leadledger.query.rebuild;

import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.ingest.EventLogRepository;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.ViewProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds every read model from {@code event_log} without interrupting reads, and without any DDL right (the service
 * runs as an application role that owns no table; docs/operations.md, "Database roles"):
 * <ol>
 *   <li>the shadow copies of the projections' tables in schema {@value #SHADOW} are emptied (the migration owner
 *       creates them, in {@code afterMigrate__1_rebuild_shadow_tables.sql}, and keeps their layout the live one's,
 *       with the unique indexes only);</li>
 *   <li>the log is replayed into them in global order, in batches, by the live projections themselves (their
 *       transactions run with {@code search_path} = shadow schema first, so the same code writes the shadow tables;
 *       each projection folds a batch in memory and writes what it changed in one batched statement) while live
 *       ingest keeps the current tables up to date and readers keep reading them. Each projection writes only its
 *       own table, so a batch's projections are written over several connections at once, each in its own
 *       transaction, and the next batch starts when all of them have committed; it has been read and decoded
 *       meanwhile;</li>
 *   <li>the swap takes the ingest lock exclusively (ingest waits for as long as the swap takes, which grows with
 *       the read models), applies the events that arrived meanwhile, then makes each live table's rows its
 *       shadow's, writing only the rows that differ (DELETE and INSERT … SELECT, which do not lock readers out); it
 *       all commits at once, so a reader sees either the old rows or the complete new ones.</li>
 * </ol>
 * A failure empties the shadow tables and leaves the current ones untouched. One rebuild runs at a time, across every
 * instance ({@link RebuildLock}).
 * <p>
 * The shadow tables are unlogged: the replay writes them without WAL, and only the swap into the live tables is
 * logged. PostgreSQL empties unlogged tables when it recovers from a crash, and with them the rebuild's row in
 * {@code rebuild_run}; every batch, before it writes, and the swap check that row, so a rebuild whose shadow tables
 * were emptied under it fails rather than swap in what is left of them.
 */
@Service
class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    static final String SHADOW = "leadledger_rebuild";
    /**
     * The rebuild's own bookkeeping in the shadow schema: the events applied to the shadow tables, and the rebuild
     * filling them.
     */
    private static final List<String> BOOKKEEPING = List.of("rebuild_applied", "rebuild_run");
    /**
     * Events the replay has not applied to the shadow tables: never read, or skipped as parked. An anti-join, which
     * PostgreSQL runs as one hash join: 2 s at 3,000,000 events, under the ingest lock, where a form it could only run
     * as a lookup per event of the log took 19 s.
     */
    private static final String NOT_APPLIED = "NOT EXISTS (SELECT 1 FROM " + SHADOW + ".rebuild_applied a"
            + " WHERE a.event_id = e.event_id)";
    /** Events the live side has not applied yet: parked in the dead-letter store or queued behind one there. */
    private static final String NOT_PARKED = "NOT EXISTS (SELECT 1 FROM dead_letter d WHERE d.event_id = e.event_id"
            + " AND d.status <> 'RESOLVED')";

    private final JdbcTemplate jdbc;
    private final RebuildLock lock;
    private final TransactionTemplate transactions;
    private final EventHistory history;
    private final List<ViewProjection<?>> projections;
    private final List<String> tables;
    private final Clock clock;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("projection-rebuild"));
    private final ExecutorService reader = Executors.newSingleThreadExecutor(daemon("projection-rebuild-reader"));
    private final ExecutorService writers;
    private final Map<String, RebuildStatus> rebuilds = new ConcurrentHashMap<>();
    private final AtomicReference<RebuildStatus> latest = new AtomicReference<>();

    ProjectionRebuilder(JdbcTemplate jdbc, TransactionTemplate transactions, EventHistory history,
                        List<ViewProjection<?>> projections, RebuildLock lock, Clock clock, MeterRegistry meters,
                        RebuildProperties properties) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.transactions = transactions;
        this.history = history;
        this.projections = List.copyOf(projections);
        this.tables = this.projections.stream().map(ViewProjection::table).distinct().sorted().toList();
        this.clock = clock;
        this.batchSize = properties.batchSize();
        this.writers = Executors.newFixedThreadPool(properties.writers(), daemon("projection-rebuild-writer"));
        Gauge.builder("leadledger.rebuild.events.done", latest, s -> s.get() == null ? 0 : s.get().eventsDone())
                .description("events replayed by the latest projection rebuild").register(meters);
        Gauge.builder("leadledger.rebuild.events.total", latest, s -> s.get() == null ? 0 : s.get().eventsTotal())
                .description("events the latest projection rebuild has to replay").register(meters);
        Gauge.builder("leadledger.rebuild.events.rate", latest, s -> s.get() == null ? 0 : s.get().eventsPerSecond())
                .description("events per second of the latest projection rebuild").register(meters);
        Gauge.builder("leadledger.rebuild.running", latest, s -> s.get() != null && s.get().running() ? 1 : 0)
                .description("1 while a projection rebuild runs").register(meters);
    }

    /** Starts a rebuild; empty when one is already running, on this instance or another. */
    public synchronized Optional<RebuildStatus> start() {
        RebuildStatus current = latest.get();
        if (current != null && current.running()) {
            return Optional.empty();
        }
        Optional<RebuildLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        try {
            long total = jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class);
            RebuildStatus status = RebuildStatus.started(UUID.randomUUID().toString(), tables, total, clock.instant());
            publish(status);
            worker.submit(() -> {
                RebuildStatus finished;
                try (RebuildLock.Held released = held.get()) {
                    finished = run(status);
                }
                publish(finished);
            });
            return Optional.of(status);
        } catch (RuntimeException e) {
            held.get().close();
            throw e;
        }
    }

    public Optional<RebuildStatus> status(String rebuildId) {
        return Optional.ofNullable(rebuilds.get(rebuildId));
    }

    public Optional<RebuildStatus> latest() {
        return Optional.ofNullable(latest.get());
    }

    public List<String> tables() {
        return tables;
    }

    /**
     * Runs the rebuild and returns its final status, DONE or FAILED, which the caller publishes once the rebuild lock
     * is released (so a rebuild started as soon as this one is seen finished is not refused); a failed rebuild has
     * emptied the shadow tables by then.
     */
    private RebuildStatus run(RebuildStatus started) {
        RebuildStatus status = started;
        try {
            emptyShadowTables();
            jdbc.update("INSERT INTO " + SHADOW + ".rebuild_run (rebuild_id) VALUES (?)", status.rebuildId());
            status = replay(status);
            Instant replayed = clock.instant();
            publish(status = status.in(RebuildStatus.State.SWAPPING, replayed));
            status = catchUpAndSwap(status).in(RebuildStatus.State.DONE, clock.instant());
            log.info("projection rebuild {} done: {} events into {} in {}/s (replay {} s, catch-up and swap {} s)",
                    status.rebuildId(), status.eventsDone(), tables, status.eventsPerSecond(),
                    seconds(status.startedAt(), replayed), seconds(replayed, status.finishedAt()));
            return status;
        } catch (RuntimeException e) {
            log.error("projection rebuild {} failed; the current read models are untouched", status.rebuildId(), e);
            emptyShadowTablesQuietly();
            return status.failed(e.toString(), clock.instant());
        }
    }

    private void emptyShadowTables() {
        List<String> shadows = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ?", String.class, SHADOW);
        List<String> missing = new ArrayList<>(tables);
        missing.addAll(BOOKKEEPING);
        missing.removeAll(shadows);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no shadow table in schema " + SHADOW + " for " + missing + ": "
                    + "afterMigrate__1_rebuild_shadow_tables.sql creates one for each read model's table");
        }
        jdbc.execute(truncateShadowTables());
    }

    private void emptyShadowTablesQuietly() {
        try {
            jdbc.execute(truncateShadowTables());
        } catch (RuntimeException e) {
            log.warn("could not empty the shadow tables in schema {}", SHADOW, e);
        }
    }

    private String truncateShadowTables() {
        return "TRUNCATE " + String.join(", ", Stream.concat(tables.stream(), BOOKKEEPING.stream())
                .map(table -> SHADOW + "." + table).toList());
    }

    /** Replays the log in batches; the next batch is read and decoded while the current one is written. */
    private RebuildStatus replay(RebuildStatus status) {
        String rebuildId = status.rebuildId();
        CompletableFuture<List<EventHistory.Stored>> next = readAfter(Long.MIN_VALUE, "");
        long done = 0;
        while (true) {
            List<EventHistory.Stored> batch = joined(next);
            if (batch.isEmpty()) {
                return status;
            }
            EventHistory.Stored last = batch.get(batch.size() - 1);
            next = readAfter(last.globalIndex(), last.eventId());
            replayBatch(rebuildId, batch);
            done += batch.size();
            publish(status = status.progressed(done, Math.max(done, status.eventsTotal()), clock.instant()));
        }
    }

    private CompletableFuture<List<EventHistory.Stored>> readAfter(long globalIndex, String eventId) {
        return CompletableFuture.supplyAsync(() -> history.after(globalIndex, eventId, batchSize), reader);
    }

    /** Under the exclusive ingest lock: the events stored since the replay read past them, then the swap. */
    private RebuildStatus catchUpAndSwap(RebuildStatus status) {
        return transactions.execute(tx -> {
            jdbc.queryForObject("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) locked", Integer.class,
                    EventLogRepository.INGEST_LOCK);
            requireShadowTablesKept(status.rebuildId());
            List<EventHistory.Stored> missed = history.where(NOT_APPLIED + " AND " + NOT_PARKED);
            applyToShadow(missed);
            swap();
            long done = status.eventsDone() + missed.size();
            return status.progressed(done, Math.max(done, status.eventsTotal()), clock.instant());
        });
    }

    /**
     * Writes one batch of the replay: each projection, and the batch's bookkeeping, in a transaction of its own on
     * one of the {@link #writers}; returns when all of them have committed, or throws the first failure once none is
     * running any more. The shadow tables are checked first: a batch never writes into tables that a crash recovery
     * emptied without the next batch or the swap noticing.
     */
    private void replayBatch(String rebuildId, List<EventHistory.Stored> batch) {
        List<EventHistory.Stored> applicable = transactions.execute(tx -> {
            requireShadowTablesKept(rebuildId);
            return notParked(batch);
        });
        List<Projector.Step> steps = stepsOf(applicable);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (ViewProjection<?> projection : projections) {
            writes.add(CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
                writeShadowTables();
                projection.replayAll(steps);
            }), writers));
        }
        writes.add(CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                tx -> recordApplied(applicable)), writers));
        joined(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
    }

    /** The future's result, or its own failure rather than the wrapper {@code join} adds. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Applies the events with the live projections, writing the shadow tables (they come first on the path), in the
     * caller's transaction, which has checked that the shadow tables still hold what this rebuild applied.
     */
    private void applyToShadow(List<EventHistory.Stored> events) {
        if (events.isEmpty()) {
            return;
        }
        List<EventHistory.Stored> applicable = notParked(events);
        writeShadowTables();
        List<Projector.Step> steps = stepsOf(applicable);
        projections.forEach(projection -> projection.replayAll(steps));
        recordApplied(applicable);
    }

    /**
     * The events to apply: not those parked in the dead-letter store (or queued behind one), which were not applied
     * live either. Those are skipped and not recorded as applied, so the swap's catch-up applies them if they were
     * resolved meanwhile.
     */
    private List<EventHistory.Stored> notParked(List<EventHistory.Stored> events) {
        Set<String> parked = Set.copyOf(jdbc.queryForList("SELECT event_id FROM dead_letter WHERE status <> 'RESOLVED'"
                + " AND event_id = ANY(?::text[])", String.class, (Object) eventIds(events)));
        return events.stream().filter(stored -> !parked.contains(stored.eventId())).toList();
    }

    private static List<Projector.Step> stepsOf(List<EventHistory.Stored> events) {
        return events.stream().flatMap(stored -> stored.step().stream()).toList();
    }

    /** Until the current transaction ends, the projections' unqualified table names are the shadow tables. */
    private void writeShadowTables() {
        jdbc.execute("SET LOCAL search_path TO " + SHADOW + ", public");
    }

    private void recordApplied(List<EventHistory.Stored> applied) {
        jdbc.update("INSERT INTO " + SHADOW + ".rebuild_applied (event_id) SELECT unnest(?::text[])",
                (Object) eventIds(applied));
    }

    private static String[] eventIds(List<EventHistory.Stored> events) {
        return events.stream().map(EventHistory.Stored::eventId).toArray(String[]::new);
    }

    /** Fails when the shadow tables no longer hold what this rebuild applied (a crash recovery emptied them). */
    private void requireShadowTablesKept(String rebuildId) {
        Boolean kept = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + SHADOW + ".rebuild_run"
                + " WHERE rebuild_id = ?)", Boolean.class, rebuildId);
        if (!Boolean.TRUE.equals(kept)) {
            throw new IllegalStateException("the shadow tables were emptied while rebuild " + rebuildId + " filled them"
                    + " (PostgreSQL empties its unlogged tables when it recovers from a crash); start it again");
        }
    }

    /**
     * Makes each live table's rows its shadow's, in the caller's transaction, writing only the rows that differ: a
     * live row without an identical shadow row (same primary key, every column's stored bytes the same: PostgreSQL's
     * record image equality {@code *=}, which REFRESH MATERIALIZED VIEW CONCURRENTLY uses too, so that a document's
     * 10 and 10.0 differ, as they do to a reader, where {@code =} calls them equal) is deleted, and the shadow rows
     * whose key is then missing are inserted. The casts to {@code record} keep PostgreSQL from comparing two row
     * constructors column by column, where {@code *=} exists for no column type. A rebuild that finds most rows as
     * they were writes little (and little WAL); one that changes every row writes each once, as a full replace would.
     * DELETE, unlike TRUNCATE, leaves readers alone: until the commit they read the old rows.
     */
    private void swap() {
        for (String table : tables) {
            List<String> columns = columnsOf(table);
            String live = "public." + table;
            String shadow = SHADOW + "." + table;
            String sameKey = String.join(" AND ", primaryKeyOf(table).stream()
                    .map(column -> "s." + column + " = l." + column).toList());
            jdbc.update("DELETE FROM " + live + " l WHERE NOT EXISTS (SELECT 1 FROM " + shadow + " s WHERE " + sameKey
                    + " AND ROW(" + qualified("s", columns) + ")::record *= ROW(" + qualified("l", columns)
                    + ")::record)");
            jdbc.update("INSERT INTO " + live + " (" + String.join(", ", columns) + ") SELECT "
                    + qualified("s", columns) + " FROM " + shadow + " s WHERE NOT EXISTS (SELECT 1 FROM " + live
                    + " l WHERE " + sameKey + ")");
        }
        jdbc.execute(truncateShadowTables());
    }

    /** The live table's columns, quoted, in their order. */
    private List<String> columnsOf(String table) {
        return jdbc.queryForList("""
                SELECT quote_ident(column_name) FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position""", String.class, table);
    }

    /** The live table's primary key columns, quoted, in the key's order. */
    private List<String> primaryKeyOf(String table) {
        List<String> key = jdbc.queryForList("""
                SELECT quote_ident(a.attname) FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = to_regclass('public.' || quote_ident(?)) AND i.indisprimary
                ORDER BY array_position(i.indkey::int2[], a.attnum)""", String.class, table);
        if (key.isEmpty()) {
            throw new IllegalStateException("read model table " + table + " has no primary key to swap rows by");
        }
        return key;
    }

    private static String qualified(String alias, List<String> columns) {
        return String.join(", ", columns.stream().map(column -> alias + "." + column).toList());
    }

    private static String seconds(Instant from, Instant to) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(from, to).toMillis() / 1000.0);
    }

    private void publish(RebuildStatus status) {
        rebuilds.put(status.rebuildId(), status);
        latest.set(status);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        reader.shutdownNow();
        writers.shutdownNow();
    }
}

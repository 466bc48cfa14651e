package com.leadledger.query.rebuild;

import com.leadledger.query.ingest.EventHistory;
import com.leadledger.query.ingest.EventLogRepository;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from {@code event_log} without interrupting reads:
 * <ol>
 *   <li>shadow copies of the projections' tables are created empty in schema {@value #SHADOW};</li>
 *   <li>the log is replayed into them in global order, in batches, by the live projections themselves (each batch
 *       runs with {@code search_path} = shadow schema first, so the same code writes the shadow tables) while live
 *       ingest keeps the current tables up to date and readers keep reading them;</li>
 *   <li>the swap takes the ingest lock exclusively (ingest waits a moment), applies the events that arrived meanwhile,
 *       then exchanges the tables (schema moves, metadata only) and gives the new tables the old index names; it all
 *       commits at once, so a reader sees either the old tables or the complete new ones.</li>
 * </ol>
 * A failure drops the shadow tables and leaves the current ones untouched. One rebuild runs at a time.
 */
@Service
class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    static final String SHADOW = "leadledger_rebuild";
    static final String RETIRED = "leadledger_retired";
    /** Events the live side has not applied yet: parked in the dead-letter store or queued behind one there. */
    private static final String NOT_PARKED = "NOT EXISTS (SELECT 1 FROM dead_letter d WHERE d.event_id = e.event_id"
            + " AND d.status <> 'RESOLVED')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventHistory history;
    private final List<ViewProjection<?>> projections;
    private final List<String> tables;
    private final Clock clock;
    private final int batchSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, RebuildStatus> rebuilds = new ConcurrentHashMap<>();
    private final AtomicReference<RebuildStatus> latest = new AtomicReference<>();

    ProjectionRebuilder(JdbcTemplate jdbc, TransactionTemplate transactions, EventHistory history,
                        List<ViewProjection<?>> projections, Clock clock, MeterRegistry meters,
                        RebuildProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.history = history;
        this.projections = List.copyOf(projections);
        this.tables = this.projections.stream().map(ViewProjection::table).distinct().sorted().toList();
        this.clock = clock;
        this.batchSize = properties.batchSize();
        Gauge.builder("leadledger.rebuild.events.done", latest, s -> s.get() == null ? 0 : s.get().eventsDone())
                .description("events replayed by the latest projection rebuild").register(meters);
        Gauge.builder("leadledger.rebuild.events.total", latest, s -> s.get() == null ? 0 : s.get().eventsTotal())
                .description("events the latest projection rebuild has to replay").register(meters);
        Gauge.builder("leadledger.rebuild.events.rate", latest, s -> s.get() == null ? 0 : s.get().eventsPerSecond())
                .description("events per second of the latest projection rebuild").register(meters);
        Gauge.builder("leadledger.rebuild.running", latest, s -> s.get() != null && s.get().running() ? 1 : 0)
                .description("1 while a projection rebuild runs").register(meters);
    }

    /** Starts a rebuild; empty when one is already running. */
    public synchronized Optional<RebuildStatus> start() {
        RebuildStatus current = latest.get();
        if (current != null && current.running()) {
            return Optional.empty();
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM event_log", Long.class);
        RebuildStatus status = RebuildStatus.started(UUID.randomUUID().toString(), tables, total, clock.instant());
        publish(status);
        worker.submit(() -> run(status));
        return Optional.of(status);
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

    private void run(RebuildStatus started) {
        RebuildStatus status = started;
        try {
            createShadowTables();
            status = replay(status);
            publish(status = status.in(RebuildStatus.State.SWAPPING, clock.instant()));
            status = catchUpAndSwap(status);
            publish(status = status.in(RebuildStatus.State.DONE, clock.instant()));
            log.info("projection rebuild {} done: {} events into {} in {}/s", status.rebuildId(), status.eventsDone(),
                    tables, status.eventsPerSecond());
        } catch (RuntimeException e) {
            log.error("projection rebuild {} failed; the current read models are untouched", status.rebuildId(), e);
            publish(status.failed(e.toString(), clock.instant()));
            dropSchema(SHADOW);
        }
    }

    private void createShadowTables() {
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE");
            jdbc.execute("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + SHADOW);
            for (String table : tables) {
                jdbc.execute("CREATE TABLE " + SHADOW + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            jdbc.execute("CREATE TABLE " + SHADOW + ".rebuild_applied (event_id text PRIMARY KEY)");
            jdbc.execute("CREATE TABLE " + SHADOW + ".rebuild_skipped (event_id text PRIMARY KEY)");
        });
    }

    private RebuildStatus replay(RebuildStatus status) {
        long index = Long.MIN_VALUE;
        String eventId = "";
        long done = 0;
        while (true) {
            List<EventHistory.Stored> batch = history.after(index, eventId, batchSize);
            if (batch.isEmpty()) {
                return status;
            }
            applyToShadow(batch);
            EventHistory.Stored last = batch.get(batch.size() - 1);
            index = last.globalIndex();
            eventId = last.eventId();
            done += batch.size();
            publish(status = status.progressed(done, Math.max(done, status.eventsTotal()), clock.instant()));
        }
    }

    /** Under the exclusive ingest lock: the events stored since the replay read past them, then the swap. */
    private RebuildStatus catchUpAndSwap(RebuildStatus status) {
        return transactions.execute(tx -> {
            jdbc.queryForObject("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) locked", Integer.class,
                    EventLogRepository.INGEST_LOCK);
            List<EventHistory.Stored> missed = history.where("(NOT EXISTS (SELECT 1 FROM " + SHADOW
                    + ".rebuild_applied a WHERE a.event_id = e.event_id) OR EXISTS (SELECT 1 FROM " + SHADOW
                    + ".rebuild_skipped s WHERE s.event_id = e.event_id)) AND " + NOT_PARKED);
            applyToShadow(missed);
            swap();
            long done = status.eventsDone() + missed.size();
            return status.progressed(done, Math.max(done, status.eventsTotal()), clock.instant());
        });
    }

    /**
     * Applies the events with the live projections, writing the shadow tables (they come first on the path). Events
     * parked in the dead-letter store (or queued behind one) were not applied live either: they are skipped and
     * remembered, and applied at the swap if they were resolved meanwhile.
     */
    private void applyToShadow(List<EventHistory.Stored> events) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            String[] ids = events.stream().map(EventHistory.Stored::eventId).toArray(String[]::new);
            List<String> parked = jdbc.queryForList("SELECT event_id FROM dead_letter WHERE status <> 'RESOLVED'"
                    + " AND event_id = ANY(?::text[])", String.class, (Object) ids);
            jdbc.execute("SET LOCAL search_path TO " + SHADOW + ", public");
            for (EventHistory.Stored stored : events) {
                if (!parked.contains(stored.eventId())) {
                    stored.step().ifPresent(step -> projections.forEach(p -> p.project(step.event(), step.ref())));
                }
            }
            jdbc.update("INSERT INTO " + SHADOW + ".rebuild_applied (event_id) SELECT unnest(?::text[])"
                    + " ON CONFLICT DO NOTHING", (Object) ids);
            jdbc.update("DELETE FROM " + SHADOW + ".rebuild_skipped WHERE event_id = ANY(?::text[])", (Object) ids);
            jdbc.update("INSERT INTO " + SHADOW + ".rebuild_skipped (event_id) SELECT unnest(?::text[])",
                    (Object) parked.toArray(String[]::new));
        });
    }

    /** Exchanges the tables and renames the new tables' indexes to the old names, so later migrations find them. */
    private void swap() {
        jdbc.execute("CREATE SCHEMA " + RETIRED);
        for (String table : tables) {
            List<Map<String, Object>> oldIndexes = indexes("public", table);
            jdbc.execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
            jdbc.execute("ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA public");
            List<Map<String, Object>> newIndexes = indexes("public", table);
            List<String[]> renames = new ArrayList<>();
            for (Map<String, Object> fresh : newIndexes) {
                oldIndexes.stream().filter(old -> old.get("shape").equals(fresh.get("shape"))).findFirst()
                        .ifPresent(old -> renames.add(new String[]{(String) fresh.get("name"),
                                (String) old.get("name")}));
            }
            for (int i = 0; i < renames.size(); i++) {
                jdbc.execute("ALTER INDEX public." + quote(renames.get(i)[0]) + " RENAME TO " + quote("rb_tmp_" + i));
            }
            for (int i = 0; i < renames.size(); i++) {
                String constraint = constraintOf(table, "rb_tmp_" + i);
                if (constraint != null) { // renaming the constraint renames its index too
                    jdbc.execute("ALTER TABLE public." + table + " RENAME CONSTRAINT " + quote(constraint)
                            + " TO " + quote(renames.get(i)[1]));
                } else {
                    jdbc.execute("ALTER INDEX public." + quote("rb_tmp_" + i) + " RENAME TO "
                            + quote(renames.get(i)[1]));
                }
            }
        }
        jdbc.execute("DROP SCHEMA " + RETIRED + " CASCADE");
        jdbc.execute("DROP SCHEMA " + SHADOW + " CASCADE");
    }

    /** The table's indexes with their definition stripped of index and table names, to match old and new. */
    private List<Map<String, Object>> indexes(String schema, String table) {
        return jdbc.queryForList("""
                SELECT indexname AS name,
                       regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+', 'CREATE \\1INDEX ON') AS shape
                FROM pg_indexes WHERE schemaname = ? AND tablename = ? ORDER BY indexname""", schema, table);
    }

    /** The constraint (primary key, unique) the index backs; null for a plain index. */
    private String constraintOf(String table, String indexName) {
        return jdbc.queryForList("""
                SELECT c.conname FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid
                WHERE i.relname = ? AND c.conrelid = ?::regclass""", String.class, indexName, "public." + table)
                .stream().findFirst().orElse(null);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private void dropSchema(String schema) {
        try {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (RuntimeException e) {
            log.warn("could not drop schema {}", schema, e);
        }
    }

    private void publish(RebuildStatus status) {
        rebuilds.put(status.rebuildId(), status);
        latest.set(status);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

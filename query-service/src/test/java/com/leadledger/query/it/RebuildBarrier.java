package com.leadledger.query.it;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;

/**
 * Holds a projection rebuild at a known point: when its replay records one given event as applied to the shadow
 * tables (the insert into {@code leadledger_rebuild.rebuild_applied}, inside the replay's batch transaction), a trigger
 * waits for an advisory lock this barrier holds. Live ingest takes neither, so events go on arriving meanwhile. The
 * trigger is the server superuser's (the service's role may create none) and is dropped on {@link #close()}, best
 * once the held rebuild is over.
 */
final class RebuildBarrier implements AutoCloseable {

    /** The advisory locks the triggers wait for: two keys, so they cannot be mistaken for the service's own locks. */
    private static final int KEY = 0x52424c44; // "RBLD"
    private static final AtomicInteger BARRIERS = new AtomicInteger();

    private final DataSource superuser;
    private final Connection holder;
    /** This barrier's lock (with {@link #KEY}) and the suffix of its trigger's and function's names. */
    private final int number = BARRIERS.incrementAndGet();
    private boolean held;

    private RebuildBarrier(DataSource superuser, Connection holder) {
        this.superuser = superuser;
        this.holder = holder;
    }

    /**
     * A barrier where the rebuild records event {@code eventId} as applied to the shadow tables: in the replay, or in
     * the swap's catch-up when the event arrived after the replay read past its place. It holds until
     * {@link #release()}. Install barriers before the rebuild starts (a trigger cannot be added while one waits).
     */
    static RebuildBarrier atEvent(DataSource superuser, String eventId) throws SQLException {
        Connection holder = superuser.getConnection();
        RebuildBarrier barrier = new RebuildBarrier(superuser, holder);
        try (Statement lock = holder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + KEY + ", " + barrier.number + ")");
            barrier.held = true;
            JdbcClient sql = JdbcClient.create(superuser);
            sql.sql("""
                    CREATE OR REPLACE FUNCTION leadledger_rebuild.%s() RETURNS trigger
                        LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_advisory_xact_lock(%d, %d);
                        RETURN NEW;
                    END
                    $$""".formatted(barrier.name(), KEY, barrier.number)).update();
            sql.sql("CREATE TRIGGER " + barrier.name() + " BEFORE INSERT ON leadledger_rebuild.rebuild_applied"
                    + " FOR EACH ROW WHEN (NEW.event_id = '" + eventId.replace("'", "''") + "')"
                    + " EXECUTE FUNCTION leadledger_rebuild." + barrier.name() + "()").update();
        } catch (SQLException | RuntimeException e) {
            barrier.close();
            throw e;
        }
        return barrier;
    }

    /** Waits until a rebuild is stopped at the barrier: a backend waits for its lock ({@code pg_locks}). */
    void awaitHeld() {
        JdbcClient sql = JdbcClient.create(superuser);
        await("a rebuild waiting at the barrier").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> sql.sql("""
                                SELECT count(*) FROM pg_locks
                                WHERE locktype = 'advisory' AND classid = :key AND objid = :subkey AND objsubid = 2
                                  AND NOT granted""")
                        .param("key", KEY).param("subkey", number).query(Long.class).single() == 1);
    }

    /** Lets the held rebuild go on. */
    void release() throws SQLException {
        if (held) {
            try (Statement unlock = holder.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + KEY + ", " + number + ")");
            }
            held = false;
        }
    }

    /**
     * Releases the rebuild and drops the trigger. Dropping it needs the table exclusively; should a rebuild still run
     * (a test that failed midway), the drop gives way to it (a lock timeout below the server's deadlock timeout) and is
     * tried again, rather than dead-locking with the swap.
     */
    @Override
    public void close() throws SQLException {
        try {
            release();
            try (Statement timeout = holder.createStatement()) {
                timeout.execute("SET lock_timeout = '100ms'");
            }
            await("the barrier's trigger dropped").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> {
                        try (Statement drop = holder.createStatement()) {
                            drop.execute("DROP TRIGGER IF EXISTS " + name()
                                    + " ON leadledger_rebuild.rebuild_applied");
                            drop.execute("DROP FUNCTION IF EXISTS leadledger_rebuild." + name() + "()");
                        }
                        return true;
                    });
        } finally {
            holder.close();
        }
    }

    private String name() {
        return "rebuild_barrier_" + number;
    }
}

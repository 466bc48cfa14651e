package com.leadledger.command.checkpoint;

import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.CheckpointBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Seals checkpoints over the events stored since the last one (see {@link Checkpoint}).
 * <p>
 * Global indexes come from a sequence and are taken before commit, so a lower index can become visible after a higher
 * one, and rolled-back inserts leave holes. A checkpoint therefore only reaches up to a <em>settled</em> boundary: a
 * brief {@code SHARE} lock on the event table waits for every insert in flight to commit or roll back (and holds new
 * ones for that moment); the highest index visible then is final, because every index handed out later is higher.
 * Below it, an index without a row is a gap forever and is recorded as such. The lock is released before the hashing.
 * Two instances may run this at once: an advisory lock lets one of them work, and the primary key on the checkpoint
 * number would refuse a second checkpoint with the same number anyway. Each checkpoint is committed together with its
 * signed tree head ({@link TreeHeadSigner}), which also signs any older checkpoint still without one.
 */
@Component
public class CheckpointWriter {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
    /** Advisory lock key of the checkpoint writer ("LLCK"). */
    private static final long LOCK_KEY = 0x4c4c434bL;

    record Last(long number, long lastIndex, byte[] hash) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long maxSpan;
    private final Duration lockTimeout;
    private final Counter written;
    private final TreeHeadSigner treeHeads;

    CheckpointWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, MeterRegistry meters,
                     CheckpointProperties properties, TreeHeadSigner treeHeads) {
        this.jdbc = jdbc;
        this.treeHeads = treeHeads;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxSpan = properties.maxSpan();
        this.lockTimeout = properties.lockTimeout();
        this.written = Counter.builder("leadledger.checkpoints.written")
                .description("checkpoints sealed over the event store").register(meters);
    }

    /** Seals checkpoints up to the settled boundary; returns how many this call wrote. */
    public int writeDue() {
        Long newest = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        Long sealed = jdbc.queryForObject("SELECT coalesce(max(last_index), 0) FROM chain_checkpoint", Long.class);
        if (newest == null || sealed == null || newest <= sealed) {
            signMissingTreeHeads();
            return 0; // nothing visible beyond the last checkpoint: no need to hold writers up
        }
        long boundary = settledBoundary();
        int count = 0;
        while (true) {
            Boolean wrote = transactions.execute(status -> writeOne(boundary));
            if (!Boolean.TRUE.equals(wrote)) {
                return count;
            }
            count++;
            written.increment();
        }
    }

    /**
     * Signs the tree head of every checkpoint that has none: after an upgrade, those sealed before tree heads existed
     * (new checkpoints are signed as they are sealed). Returns how many it signed; 0 while another instance seals.
     */
    public int signMissingTreeHeads() {
        Integer signed = transactions.execute(status ->
                Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                        LOCK_KEY)) ? treeHeads.signMissing() : 0);
        return signed == null ? 0 : signed;
    }

    long settledBoundary() {
        Long boundary = transactions.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            // LOCK TABLE domainevententry IN SHARE MODE, then its highest global index: a function of the migration
            // owner (V22), as the application role may not take that lock itself
            return jdbc.queryForObject("SELECT leadledger_settled_boundary()", Long.class);
        });
        return boundary == null ? 0 : boundary;
    }

    private boolean writeOne(long boundary) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
            return false; // another instance is sealing right now
        }
        Last last = jdbc.query("SELECT checkpoint_no, last_index, checkpoint_hash FROM chain_checkpoint "
                        + "ORDER BY checkpoint_no DESC LIMIT 1",
                rs -> rs.next() ? new Last(rs.getLong(1), rs.getLong(2), rs.getBytes(3))
                        : new Last(0, 0, Checkpoint.GENESIS));
        long first = last.lastIndex() + 1;
        if (first > boundary) {
            return false;
        }
        long end = Math.min(boundary, first + maxSpan - 1);
        CheckpointBuilder builder = new CheckpointBuilder(last.number() + 1, first, end, last.hash());
        jdbc.query("SELECT globalindex, event_hash FROM domainevententry WHERE globalindex BETWEEN ? AND ? "
                + "ORDER BY globalindex", rs -> {
            builder.add(rs.getLong(1), rs.getBytes(2));
        }, first, end);
        Checkpoint checkpoint = builder.seal();
        jdbc.update("INSERT INTO chain_checkpoint (checkpoint_no, first_index, last_index, event_count, gaps, "
                        + "merkle_root, previous_hash, checkpoint_hash) VALUES (?, ?, ?, ?, ?::bigint[], ?, ?, ?)",
                checkpoint.number(), checkpoint.firstIndex(), checkpoint.lastIndex(), checkpoint.eventCount(),
                "{" + String.join(",", checkpoint.gaps().stream().map(String::valueOf).toList()) + "}",
                checkpoint.merkleRoot(), checkpoint.previousHash(), checkpoint.checkpointHash());
        treeHeads.signMissing(); // in the same transaction: a checkpoint is published with its signed tree head
        log.info("sealed checkpoint #{} over global index {}..{} ({} events, {} gaps)", checkpoint.number(),
                first, end, checkpoint.eventCount(), checkpoint.gaps().size());
        return true;
    }
}

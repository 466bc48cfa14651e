package com.leadledger.command.checkpoint;

import com.leadledger.command.audit.SigningKeyRing;
import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.TreeHead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Signs the tree head ({@link TreeHead}) of every checkpoint that has none yet, oldest first, in one pass over the
 * events: the checkpoint just sealed, and after an upgrade every checkpoint sealed before tree heads existed. The
 * checkpoints themselves are left exactly as they were recorded. Runs in the caller's transaction, under the
 * checkpoint writer's advisory lock; the primary key refuses a second tree head for the same checkpoint.
 * <p>
 * A tree head covers the whole log, so the signer keeps the tree it last signed ({@link MerkleTree} holds one hash per
 * level) and reads only the events after it. The kept tree is used only while the stored tree head of its checkpoint
 * has its size and root; otherwise (after a restart, a rolled-back signing) the signer reads the whole log once, as a
 * stream.
 */
@Component
class TreeHeadSigner {

    private static final Logger log = LoggerFactory.getLogger(TreeHeadSigner.class);

    private record Unsigned(long number, long lastIndex, byte[] checkpointHash) {
    }

    /** The tree over every event up to {@code lastIndex}, as it was when this instance signed that checkpoint. */
    private record Signed(long checkpoint, long lastIndex, MerkleTree tree) {
    }

    private final JdbcTemplate jdbc;
    private final SigningKeyRing keys;
    private final Counter eventsRead;
    private Signed lastSigned;

    TreeHeadSigner(JdbcTemplate jdbc, SigningKeyRing keys, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.eventsRead = Counter.builder("leadledger.checkpoints.tree-head-events-read")
                .description("events read to sign tree heads (only the new ones while the last signed tree is kept)")
                .register(meters);
    }

    /** Returns how many tree heads it signed. */
    synchronized int signMissing() {
        Deque<Unsigned> unsigned = new ArrayDeque<>(jdbc.query("""
                SELECT c.checkpoint_no, c.last_index, c.checkpoint_hash FROM chain_checkpoint c
                LEFT JOIN checkpoint_tree_head h ON h.checkpoint_no = c.checkpoint_no
                WHERE h.checkpoint_no IS NULL ORDER BY c.checkpoint_no""",
                (rs, n) -> new Unsigned(rs.getLong(1), rs.getLong(2), rs.getBytes(3))));
        if (unsigned.isEmpty()) {
            return 0;
        }
        int total = unsigned.size();
        Unsigned newest = unsigned.getLast();
        long upTo = newest.lastIndex();
        Signed start = stillStored(lastSigned, unsigned.getFirst().lastIndex());
        MerkleTree tree = start == null ? new MerkleTree() : start.tree().copy();
        long after = start == null ? 0 : start.lastIndex();
        long[] read = {0};
        EventHashes.stream(jdbc, after, upTo, (globalIndex, eventHash) -> {
            while (!unsigned.isEmpty() && unsigned.getFirst().lastIndex() < globalIndex) {
                sign(unsigned.removeFirst(), tree);
            }
            tree.addLeafHash(LogTree.leafHash(eventHash));
            read[0]++;
        });
        while (!unsigned.isEmpty()) {
            sign(unsigned.removeFirst(), tree);
        }
        eventsRead.increment(read[0]);
        lastSigned = new Signed(newest.number(), upTo, tree);
        log.info("signed the tree heads of {} checkpoint(s) up to global index {} with key {}, reading {} events",
                total, upTo, keys.activeKeyId(), read[0]);
        return total;
    }

    /**
     * The kept tree if the next checkpoint to sign lies beyond it and its own tree head is stored with the same size
     * and root; null when the whole log has to be read.
     */
    private Signed stillStored(Signed kept, long nextLastIndex) {
        if (kept == null || kept.lastIndex() >= nextLastIndex) {
            return null;
        }
        Boolean matches = jdbc.query("SELECT tree_size, root_hash FROM checkpoint_tree_head WHERE checkpoint_no = ?",
                rs -> rs.next() && rs.getLong(1) == kept.tree().size()
                        && Arrays.equals(rs.getBytes(2), kept.tree().root()), kept.checkpoint());
        return Boolean.TRUE.equals(matches) ? kept : null;
    }

    private void sign(Unsigned checkpoint, MerkleTree tree) {
        TreeHead head = keys.signTreeHead(checkpoint.number(), checkpoint.lastIndex(), tree.size(), tree.root(),
                checkpoint.checkpointHash());
        jdbc.update("INSERT INTO checkpoint_tree_head (checkpoint_no, tree_size, root_hash, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (checkpoint_no) DO NOTHING",
                head.checkpoint(), head.treeSize(), tree.root(), head.keyId(), head.signature());
    }
}

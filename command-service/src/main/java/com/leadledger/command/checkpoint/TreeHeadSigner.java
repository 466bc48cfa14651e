package com.leadledger.command.checkpoint;

import com.leadledger.command.audit.SigningKeyRing;
import com.leadledger.integrity.Hashes;
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
 * has its size and root. Otherwise (after a restart, a rolled-back signing) it resumes from the latest stored tree
 * head's frontier, stored with each head, when that re-computes the head's root and the head's signature verifies;
 * only when none does (heads signed before frontiers were stored) it reads the whole log once, as a stream.
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
        long nextLastIndex = unsigned.getFirst().lastIndex();
        Signed start = stillStored(lastSigned, nextLastIndex);
        if (start == null) {
            start = storedFrontier(nextLastIndex);
        }
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

    /**
     * The tree of the latest stored tree head before {@code nextLastIndex} that has a frontier, if the frontier gives
     * the head's size and root and the head's signature verifies with the published key it names; null otherwise.
     */
    private Signed storedFrontier(long nextLastIndex) {
        record StoredHead(TreeHead head, byte[] root, byte[] frontier) {
        }
        StoredHead stored = jdbc.query("""
                SELECT h.checkpoint_no, c.last_index, h.tree_size, h.root_hash, c.checkpoint_hash, h.key_id,
                       h.signature, h.frontier
                FROM checkpoint_tree_head h JOIN chain_checkpoint c ON c.checkpoint_no = h.checkpoint_no
                WHERE h.frontier IS NOT NULL AND c.last_index < ? ORDER BY h.checkpoint_no DESC LIMIT 1""",
                rs -> rs.next() ? new StoredHead(new TreeHead(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Hashes.hex(rs.getBytes(4)), Hashes.hex(rs.getBytes(5)), rs.getString(6), rs.getString(7)),
                        rs.getBytes(4), rs.getBytes(8)) : null, nextLastIndex);
        if (stored == null) {
            return null;
        }
        TreeHead head = stored.head();
        MerkleTree tree;
        try {
            tree = MerkleTree.resume(head.treeSize(), stored.frontier());
        } catch (IllegalArgumentException e) {
            log.warn("the frontier stored with the tree head of checkpoint {} does not fit its size: {}",
                    head.checkpoint(), e.getMessage());
            return null;
        }
        boolean signed = keys.publishedKey(head.keyId())
                .map(key -> head.signatureIsValid(key.publicKey())).orElse(false);
        if (!signed || !Arrays.equals(tree.root(), stored.root())) {
            log.warn("the tree head of checkpoint {} does not verify with its stored frontier: reading the whole log",
                    head.checkpoint());
            return null;
        }
        return new Signed(head.checkpoint(), head.lastIndex(), tree);
    }

    private void sign(Unsigned checkpoint, MerkleTree tree) {
        TreeHead head = keys.signTreeHead(checkpoint.number(), checkpoint.lastIndex(), tree.size(), tree.root(),
                checkpoint.checkpointHash());
        jdbc.update("INSERT INTO checkpoint_tree_head (checkpoint_no, tree_size, root_hash, key_id, signature, "
                        + "frontier) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (checkpoint_no) DO NOTHING",
                head.checkpoint(), head.treeSize(), tree.root(), head.keyId(), head.signature(), tree.frontier());
    }
}

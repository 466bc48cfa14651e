package com.leadledger.command.checkpoint;

import com.leadledger.command.audit.SigningKeyRing;
import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Signs the tree head ({@link TreeHead}) of every checkpoint that has none yet, oldest first, in one pass over the
 * events: the checkpoint just sealed, and after an upgrade every checkpoint sealed before tree heads existed. The
 * checkpoints themselves are left exactly as they were recorded. Runs in the caller's transaction, under the
 * checkpoint writer's advisory lock; the primary key refuses a second tree head for the same checkpoint.
 */
@Component
class TreeHeadSigner {

    private static final Logger log = LoggerFactory.getLogger(TreeHeadSigner.class);

    private record Unsigned(long number, long lastIndex, byte[] checkpointHash) {
    }

    private final JdbcTemplate jdbc;
    private final SigningKeyRing keys;

    TreeHeadSigner(JdbcTemplate jdbc, SigningKeyRing keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Returns how many tree heads it signed. */
    int signMissing() {
        Deque<Unsigned> unsigned = new ArrayDeque<>(jdbc.query("""
                SELECT c.checkpoint_no, c.last_index, c.checkpoint_hash FROM chain_checkpoint c
                LEFT JOIN checkpoint_tree_head h ON h.checkpoint_no = c.checkpoint_no
                WHERE h.checkpoint_no IS NULL ORDER BY c.checkpoint_no""",
                (rs, n) -> new Unsigned(rs.getLong(1), rs.getLong(2), rs.getBytes(3))));
        if (unsigned.isEmpty()) {
            return 0;
        }
        int total = unsigned.size();
        long upTo = unsigned.getLast().lastIndex();
        MerkleTree tree = new MerkleTree();
        jdbc.query("SELECT globalindex, event_hash FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
                rs -> {
                    long globalIndex = rs.getLong(1);
                    while (!unsigned.isEmpty() && unsigned.getFirst().lastIndex() < globalIndex) {
                        sign(unsigned.removeFirst(), tree);
                    }
                    tree.addLeafHash(LogTree.leafHash(rs.getBytes(2)));
                }, upTo);
        while (!unsigned.isEmpty()) {
            sign(unsigned.removeFirst(), tree);
        }
        log.info("signed the tree heads of {} checkpoint(s) up to global index {} with key {}", total, upTo,
                keys.activeKeyId());
        return total;
    }

    private void sign(Unsigned checkpoint, MerkleTree tree) {
        TreeHead head = keys.signTreeHead(checkpoint.number(), checkpoint.lastIndex(), tree.size(), tree.root(),
                checkpoint.checkpointHash());
        jdbc.update("INSERT INTO checkpoint_tree_head (checkpoint_no, tree_size, root_hash, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (checkpoint_no) DO NOTHING",
                head.checkpoint(), head.treeSize(), tree.root(), head.keyId(), head.signature());
    }
}

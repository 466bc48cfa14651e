package com.leadledger.command.checkpoint;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inclusion and consistency proofs against the signed tree heads of the checkpoints ({@link LogTree}), computed from
 * the stored event hashes. A tree is rebuilt for each proof; the signed root is checked against it first, so a proof
 * is never given for a history that no longer matches its checkpoint.
 */
@Component
public class CheckpointProofs {

    private record StoredEvent(String eventId, long globalIndex, byte[] eventHash) {
    }

    private final JdbcTemplate jdbc;

    CheckpointProofs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CheckpointView checkpoint(long number) {
        CheckpointView found = jdbc.query("SELECT " + CheckpointRows.SELECT_FROM + " WHERE c.checkpoint_no = ?",
                rs -> rs.next() ? CheckpointRows.view(rs) : null, number);
        if (found == null) {
            throw RuleViolation.notFound("checkpoint");
        }
        return found;
    }

    /** The proof of {@code eventId} in checkpoint {@code number}'s tree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InclusionProof inclusion(long number, String eventId) {
        CheckpointView checkpoint = signed(checkpoint(number));
        StoredEvent event = event(eventId).orElseThrow(() -> RuleViolation.notFound("event"));
        if (event.globalIndex() > checkpoint.lastIndex()) {
            String message = "event " + eventId + " (global index " + event.globalIndex() + ") was stored after "
                    + "checkpoint #" + number + " (up to global index " + checkpoint.lastIndex() + ")";
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "EVENT_AFTER_CHECKPOINT", message,
                    List.of(new FieldProblem("eventId", message, "EVENT_AFTER_CHECKPOINT")),
                    Map.of("globalIndex", event.globalIndex(), "lastIndex", checkpoint.lastIndex()));
        }
        LogTree tree = tree(checkpoint);
        Long before = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex < ?", Long.class,
                event.globalIndex());
        int leafIndex = before == null ? 0 : before.intValue();
        return new InclusionProof(eventId, event.globalIndex(), Hashes.hex(event.eventHash()),
                Hashes.hex(LogTree.leafHash(event.eventHash())), leafIndex, checkpoint.treeSize(),
                checkpoint.rootHash(), hex(tree.inclusionPath(leafIndex, tree.size())), checkpoint);
    }

    /** The proof of {@code eventId} in the first signed checkpoint that covers it, if there is one yet. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<InclusionProof> inclusionInFirstCheckpoint(String eventId) {
        StoredEvent event = event(eventId).orElseThrow(() -> RuleViolation.notFound("event"));
        List<Long> covering = jdbc.queryForList("""
                SELECT c.checkpoint_no FROM chain_checkpoint c JOIN checkpoint_tree_head h
                ON h.checkpoint_no = c.checkpoint_no WHERE ? BETWEEN c.first_index AND c.last_index""",
                Long.class, event.globalIndex());
        return covering.stream().findFirst().map(number -> inclusion(number, eventId));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ConsistencyProof consistency(long from, long to) {
        if (from > to) {
            throw RuleViolation.invalidField("from", "must not be after 'to' (" + to + ")", "CHECKPOINT_ORDER");
        }
        CheckpointView first = signed(checkpoint(from));
        CheckpointView second = signed(checkpoint(to));
        LogTree tree = tree(second);
        return new ConsistencyProof(first.treeSize(), first.rootHash(), second.treeSize(), second.rootHash(),
                hex(tree.consistencyProof(first.treeSize().intValue(), tree.size())), first, second);
    }

    private Optional<StoredEvent> event(String eventId) {
        return jdbc.query("SELECT eventidentifier, globalindex, event_hash FROM domainevententry "
                        + "WHERE eventidentifier = ?",
                (rs, n) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getBytes(3)), eventId)
                .stream().findFirst();
    }

    private LogTree tree(CheckpointView checkpoint) {
        List<byte[]> leaves = jdbc.query("SELECT event_hash FROM domainevententry WHERE globalindex <= ? "
                + "ORDER BY globalindex", (rs, n) -> LogTree.leafHash(rs.getBytes(1)), checkpoint.lastIndex());
        LogTree tree = new LogTree(leaves);
        if (tree.size() != checkpoint.treeSize()
                || !Arrays.equals(tree.root(tree.size()), java.util.HexFormat.of().parseHex(checkpoint.rootHash()))) {
            throw new IllegalStateException("the events up to global index " + checkpoint.lastIndex()
                    + " no longer match the signed tree head of checkpoint #" + checkpoint.number()
                    + ": verify the history (docs/audit.md)");
        }
        return tree;
    }

    private static CheckpointView signed(CheckpointView checkpoint) {
        if (!checkpoint.signed()) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "CHECKPOINT_NOT_SIGNED", "checkpoint #"
                    + checkpoint.number() + " has no signed tree head yet; try again after the next sealing run");
        }
        return checkpoint;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }
}

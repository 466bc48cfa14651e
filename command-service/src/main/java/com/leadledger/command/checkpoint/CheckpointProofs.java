package com.leadledger.command.checkpoint;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.StreamedNodes;
import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inclusion and consistency proofs against the signed tree heads of the checkpoints ({@link LogTree}), computed from
 * the stored event hashes. Each proof reads the log up to its checkpoint once, through a cursor, and keeps only the
 * proof's nodes as they form ({@link StreamedNodes}), so its memory does not grow with the log. The signed root is
 * checked against the same pass, so a proof is never given for a history that no longer matches its checkpoint.
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
        Long before = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex < ?", Long.class,
                event.globalIndex());
        long leafIndex = before == null ? 0 : before;
        if (leafIndex >= checkpoint.treeSize()) {
            throw historyChanged(checkpoint);
        }
        List<byte[]> path = nodeHashes(checkpoint, LogTree.inclusionRanges(leafIndex, checkpoint.treeSize()));
        return new InclusionProof(eventId, event.globalIndex(), Hashes.hex(event.eventHash()),
                Hashes.hex(LogTree.leafHash(event.eventHash())), leafIndex, checkpoint.treeSize(),
                checkpoint.rootHash(), hex(path), checkpoint);
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
        List<byte[]> proof = nodeHashes(second, LogTree.consistencyRanges(first.treeSize(), second.treeSize()));
        return new ConsistencyProof(first.treeSize(), first.rootHash(), second.treeSize(), second.rootHash(),
                hex(proof), first, second);
    }

    private Optional<StoredEvent> event(String eventId) {
        return jdbc.query("SELECT eventidentifier, globalindex, event_hash FROM domainevententry "
                        + "WHERE eventidentifier = ?",
                (rs, n) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getBytes(3)), eventId)
                .stream().findFirst();
    }

    /** The hashes of the proof's nodes in the tree of the checkpoint, after checking that tree against its head. */
    private List<byte[]> nodeHashes(CheckpointView checkpoint, List<LogTree.Range> nodes) {
        StreamedNodes tree = new StreamedNodes(nodes);
        EventHashes.stream(jdbc, 0, checkpoint.lastIndex(), (globalIndex, eventHash) ->
                tree.add(LogTree.leafHash(eventHash)));
        if (tree.size() != checkpoint.treeSize()
                || !Arrays.equals(tree.root(), HexFormat.of().parseHex(checkpoint.rootHash()))) {
            throw historyChanged(checkpoint);
        }
        return tree.nodeHashes();
    }

    private static IllegalStateException historyChanged(CheckpointView checkpoint) {
        return new IllegalStateException("the events up to global index " + checkpoint.lastIndex()
                + " no longer match the signed tree head of checkpoint #" + checkpoint.number()
                + ": verify the history (docs/audit.md)");
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

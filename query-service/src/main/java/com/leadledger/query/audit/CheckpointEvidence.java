package com.leadledger.query.audit;

import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.pack.AuditPath;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints-and-proofs part of an evidence pack: for each event, the command side's checkpoint whose range
 * covers its global index and the RFC 6962 audit path from the event's leaf to that checkpoint's Merkle root,
 * computed over this service's copy. A checkpoint whose range the copy does not reproduce yet (events still in flight)
 * proves nothing here: its events are left without a proof, as are events sealed by no checkpoint yet.
 */
@Component
class CheckpointEvidence {

    /** An event's inclusion proof: its leaf's index among the checkpoint's {@code treeSize} leaves, and the path. */
    record Proof(long checkpoint, long globalIndex, int leafIndex, int treeSize, List<byte[]> path) {
    }

    /** The checkpoints that cover some of the events, and a proof per covered event (by global index). */
    record Evidence(List<Checkpoint> checkpoints, Map<Long, Proof> proofs) {
    }

    private final PackedEventRepository events;

    CheckpointEvidence(PackedEventRepository events) {
        this.events = events;
    }

    Evidence of(Collection<Long> globalIndexes, List<Checkpoint> published) {
        Map<Checkpoint, List<Long>> byCheckpoint = new LinkedHashMap<>();
        for (long index : globalIndexes.stream().sorted().toList()) {
            published.stream().filter(c -> c.firstIndex() <= index && index <= c.lastIndex()).findFirst()
                    .ifPresent(c -> byCheckpoint.computeIfAbsent(c, k -> new ArrayList<>()).add(index));
        }
        List<Checkpoint> used = new ArrayList<>();
        Map<Long, Proof> proofs = new HashMap<>();
        byCheckpoint.forEach((checkpoint, indexes) -> {
            List<PackedEventRepository.Leaf> leaves = events.leaves(checkpoint.firstIndex(), checkpoint.lastIndex());
            List<byte[]> leafHashes = leaves.stream().map(l -> MerkleTree.leaf(l.globalIndex(), l.eventHash())).toList();
            if (leaves.size() != checkpoint.eventCount()
                    || !Arrays.equals(AuditPath.root(leafHashes), checkpoint.merkleRoot())) {
                return;
            }
            used.add(checkpoint);
            List<Long> order = leaves.stream().map(PackedEventRepository.Leaf::globalIndex).toList();
            for (long index : indexes) {
                int leafIndex = order.indexOf(index);
                if (leafIndex >= 0) {
                    proofs.put(index, new Proof(checkpoint.number(), index, leafIndex, leaves.size(),
                            AuditPath.of(leafIndex, leafHashes)));
                }
            }
        });
        return new Evidence(used, proofs);
    }
}

package com.leadledger.command.checkpoint;

import java.util.List;

/**
 * The RFC 6962 audit path of one event in the tree of a signed checkpoint: {@code leafHash = SHA-256(0x00 ||
 * eventHash)} is leaf {@code leafIndex} (the number of events stored before it) of the tree of {@code treeSize} leaves
 * with root {@code rootHash}, which {@code checkpoint} signs. Hashes in lowercase hex, the path from the leaf up.
 */
public record InclusionProof(String eventId, long globalIndex, String eventHash, String leafHash, long leafIndex,
                             long treeSize, String rootHash, List<String> auditPath, CheckpointView checkpoint) {
}

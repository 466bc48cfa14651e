package com.leadledger.command.checkpoint;

import java.time.Instant;
import java.util.List;

/**
 * A checkpoint as published; hashes in lowercase hex. Its signed tree head follows (docs/audit.md): the tree over all
 * events up to {@code lastIndex}, {@code treeSize} leaves with root {@code rootHash}, and the Ed25519
 * {@code signature} (Base64) by {@code keyId}; these five are null while it is not signed yet.
 */
public record CheckpointView(long number, long firstIndex, long lastIndex, long eventCount, List<Long> gaps,
                             String merkleRoot, String previousHash, String checkpointHash, Instant createdAt,
                             Long treeSize, String rootHash, String keyId, String algorithm, String signature) {

    boolean signed() {
        return signature != null;
    }
}

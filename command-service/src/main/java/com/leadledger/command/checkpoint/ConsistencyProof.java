package com.leadledger.command.checkpoint;

import java.util.List;

/**
 * The RFC 6962 consistency proof that the tree signed by checkpoint {@code from} is a prefix of the tree signed by
 * checkpoint {@code to}: nothing before {@code from}'s last index was changed, removed or inserted since.
 */
public record ConsistencyProof(long fromTreeSize, String fromRootHash, long toTreeSize, String toRootHash,
                               List<String> proof, CheckpointView from, CheckpointView to) {
}

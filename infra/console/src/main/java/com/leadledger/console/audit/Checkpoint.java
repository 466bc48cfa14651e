package com.leadledger.console.audit;

import java.time.Instant;
import java.util.List;

/** A checkpoint the command service sealed over a range of global indexes (Merkle root, chained hash). */
public record Checkpoint(long number, long firstIndex, long lastIndex, long eventCount, List<Long> gaps,
                         String merkleRoot, String checkpointHash, Instant createdAt) {

    public Checkpoint {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}

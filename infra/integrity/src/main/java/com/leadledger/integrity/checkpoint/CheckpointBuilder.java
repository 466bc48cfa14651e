package com.leadledger.integrity.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Seals the next {@link Checkpoint} over the global indexes {@code firstIndex..lastIndex}, fed the events of that range
 * in global-index order: every index that receives no event is recorded as a gap.
 */
public final class CheckpointBuilder {

    private final long number;
    private final long firstIndex;
    private final long lastIndex;
    private final byte[] previousHash;
    private final MerkleTree tree = new MerkleTree();
    private final List<Long> gaps = new ArrayList<>();
    private long nextIndex;

    /**
     * @param number       the new checkpoint's number (the previous one's plus one, 1 for the first)
     * @param previousHash the previous checkpoint's hash, {@link Checkpoint#GENESIS} for the first
     */
    public CheckpointBuilder(long number, long firstIndex, long lastIndex, byte[] previousHash) {
        if (lastIndex < firstIndex) {
            throw new IllegalArgumentException("empty range " + firstIndex + ".." + lastIndex);
        }
        this.number = number;
        this.firstIndex = firstIndex;
        this.lastIndex = lastIndex;
        this.previousHash = previousHash;
        this.nextIndex = firstIndex;
    }

    public void add(long globalIndex, byte[] eventHash) {
        if (globalIndex < nextIndex || globalIndex > lastIndex) {
            throw new IllegalArgumentException("global index " + globalIndex + " is not after the last one added and "
                    + "inside " + firstIndex + ".." + lastIndex);
        }
        for (; nextIndex < globalIndex; nextIndex++) {
            gaps.add(nextIndex);
        }
        tree.add(globalIndex, eventHash);
        nextIndex = globalIndex + 1;
    }

    /** The checkpoint over the whole range: the indexes after the last event added are gaps too. */
    public Checkpoint seal() {
        List<Long> allGaps = new ArrayList<>(gaps);
        for (long index = nextIndex; index <= lastIndex; index++) {
            allGaps.add(index);
        }
        return Checkpoint.seal(number, firstIndex, lastIndex, tree.size(), allGaps, tree.root(), previousHash);
    }
}

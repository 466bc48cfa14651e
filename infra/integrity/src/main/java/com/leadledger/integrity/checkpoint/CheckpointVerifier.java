package com.leadledger.integrity.checkpoint;

import com.leadledger.integrity.Hashes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks events against the checkpoints over them, fed the events in global-index order (streaming, constant memory
 * apart from the checkpoint list). First the checkpoints themselves must form an unbroken chain; then each covered
 * global index must hold an event unless the checkpoint recorded it as a gap, and each range's events must hash to the
 * recorded count and Merkle root. Events after the last checkpoint are not covered yet and only counted.
 * <p>
 * A verifier can also resume after a checkpoint verified earlier ({@link #after}): then it is fed only the events after
 * that checkpoint's range, and the checkpoints given must continue the chain from it.
 */
public final class CheckpointVerifier {

    private final Checkpoint resumedAfter;
    private final List<Checkpoint> checkpoints;
    private CheckpointBreak firstBreak;
    private int current;
    private long nextIndex;
    private MerkleTree tree = new MerkleTree();
    private long coveredEvents;
    private long uncoveredEvents;
    private long verifiedCheckpoints;
    private long highestCoveredEventIndex;
    private Checkpoint lastVerified;
    private long eventsThroughLastVerified;
    private long highestIndexThroughLastVerified;

    /** Verifies the whole history: the checkpoints from the first on, fed every event from global index 1. */
    public CheckpointVerifier(List<Checkpoint> checkpoints) {
        this(null, checkpoints);
    }

    private CheckpointVerifier(Checkpoint resumedAfter, List<Checkpoint> checkpoints) {
        this.resumedAfter = resumedAfter;
        this.checkpoints = List.copyOf(checkpoints);
        this.firstBreak = chainBreak(resumedAfter, this.checkpoints);
        this.nextIndex = resumedAfter != null ? resumedAfter.lastIndex() + 1
                : this.checkpoints.isEmpty() ? 1 : this.checkpoints.get(0).firstIndex();
    }

    /**
     * Verifies only what follows {@code verified}, a checkpoint whose range was verified before: the {@code following}
     * checkpoints must continue the chain from it, and the verifier is fed the events after its last global index.
     */
    public static CheckpointVerifier after(Checkpoint verified, List<Checkpoint> following) {
        return new CheckpointVerifier(Objects.requireNonNull(verified, "verified"), following);
    }

    /** The highest global index covered by a checkpoint, 0 when there is none. */
    public long coveredUpTo() {
        if (!checkpoints.isEmpty()) {
            return checkpoints.get(checkpoints.size() - 1).lastIndex();
        }
        return resumedAfter == null ? 0 : resumedAfter.lastIndex();
    }

    /** The last checkpoint this verifier re-computed, if any (not counting the one it resumed after). */
    public Optional<Checkpoint> lastVerified() {
        return Optional.ofNullable(lastVerified);
    }

    /** Events fed to this verifier up to the end of {@link #lastVerified()}'s range. */
    public long eventsThroughLastVerified() {
        return eventsThroughLastVerified;
    }

    /** The highest global index of an event fed up to the end of {@link #lastVerified()}'s range, 0 if none. */
    public long highestIndexThroughLastVerified() {
        return highestIndexThroughLastVerified;
    }

    public void accept(long globalIndex, String eventId, String streamId, long sequenceNumber, byte[] eventHash) {
        if (firstBreak != null) {
            return;
        }
        if (globalIndex > coveredUpTo()) {
            finishThrough(coveredUpTo());
            uncoveredEvents++;
            return;
        }
        finishThrough(globalIndex - 1);
        if (firstBreak != null) {
            return;
        }
        // past every range already: a second event at the last covered index
        Checkpoint checkpoint = checkpoints.get(Math.min(current, checkpoints.size() - 1));
        if (current >= checkpoints.size() || globalIndex < nextIndex || checkpoint.isGap(globalIndex)) {
            firstBreak = new CheckpointBreak(checkpoint.number(), checkpoint.firstIndex(), checkpoint.lastIndex(),
                    "EVENT_INSERTED", globalIndex, eventId, streamId, sequenceNumber,
                    globalIndex < nextIndex ? "no event before global index " + nextIndex
                            : "no event (a recorded gap)", "an event");
            return;
        }
        tree.add(globalIndex, eventHash);
        coveredEvents++;
        highestCoveredEventIndex = globalIndex;
        nextIndex = globalIndex + 1;
        if (globalIndex == checkpoint.lastIndex()) {
            close(checkpoint);
        }
    }

    /** Call after the last event: checks that nothing is missing at the end of the covered ranges. */
    public Optional<CheckpointBreak> finish() {
        if (firstBreak == null) {
            finishThrough(coveredUpTo());
        }
        return firstBreak();
    }

    public Optional<CheckpointBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }

    public long verifiedCheckpoints() {
        return verifiedCheckpoints;
    }

    public long coveredEvents() {
        return coveredEvents;
    }

    public long uncoveredEvents() {
        return uncoveredEvents;
    }

    /** Walks the indexes before {@code upTo + 1} that received no event: each must be a recorded gap. */
    private void finishThrough(long upTo) {
        while (firstBreak == null && current < checkpoints.size() && nextIndex <= upTo) {
            Checkpoint checkpoint = checkpoints.get(current);
            long end = Math.min(upTo, checkpoint.lastIndex());
            for (; nextIndex <= end; nextIndex++) {
                if (!checkpoint.isGap(nextIndex)) {
                    firstBreak = new CheckpointBreak(checkpoint.number(), checkpoint.firstIndex(),
                            checkpoint.lastIndex(), "EVENT_MISSING", nextIndex, null, null, -1,
                            "an event at global index " + nextIndex, "none");
                    return;
                }
            }
            if (nextIndex > checkpoint.lastIndex()) {
                close(checkpoint);
            }
        }
    }

    private void close(Checkpoint checkpoint) {
        byte[] root = tree.root();
        if (tree.size() != checkpoint.eventCount() || !Arrays.equals(root, checkpoint.merkleRoot())) {
            firstBreak = new CheckpointBreak(checkpoint.number(), checkpoint.firstIndex(), checkpoint.lastIndex(),
                    "ROOT_MISMATCH", -1, null, null, -1,
                    checkpoint.eventCount() + " events with root " + Hashes.hex(checkpoint.merkleRoot()),
                    tree.size() + " events with root " + Hashes.hex(root));
            return;
        }
        verifiedCheckpoints++;
        lastVerified = checkpoint;
        eventsThroughLastVerified = coveredEvents;
        highestIndexThroughLastVerified = highestCoveredEventIndex;
        current++;
        nextIndex = checkpoint.lastIndex() + 1;
        tree = new MerkleTree();
    }

    private static CheckpointBreak chainBreak(Checkpoint resumedAfter, List<Checkpoint> checkpoints) {
        Checkpoint previous = resumedAfter;
        for (Checkpoint c : checkpoints) {
            if (!c.hashIsValid()) {
                return new CheckpointBreak(c.number(), c.firstIndex(), c.lastIndex(), "CHECKPOINT_TAMPERED", -1,
                        null, null, -1, Hashes.hex(c.computeHash()), Hashes.hex(c.checkpointHash()));
            }
            long number = previous == null ? 1 : previous.number() + 1;
            long first = previous == null ? 1 : previous.lastIndex() + 1;
            byte[] link = previous == null ? Checkpoint.GENESIS : previous.checkpointHash();
            if (c.number() != number || c.firstIndex() != first || c.lastIndex() < c.firstIndex()
                    || !Arrays.equals(c.previousHash(), link)) {
                return new CheckpointBreak(c.number(), c.firstIndex(), c.lastIndex(), "CHECKPOINT_LINK_MISMATCH",
                        -1, null, null, -1,
                        "checkpoint #" + number + " from global index " + first + " after " + Hashes.hex(link),
                        "checkpoint #" + c.number() + " from global index " + c.firstIndex() + " after "
                                + Hashes.hex(c.previousHash()));
            }
            previous = c;
        }
        return null;
    }
}

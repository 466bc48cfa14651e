package com.leadledger.integrity.checkpoint;

import com.leadledger.integrity.Hashes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A periodic checkpoint over all events (README, "Audit"): it covers every global index from {@code firstIndex} to
 * {@code lastIndex}; the indexes in {@code gaps} were never used by a committed event (rolled-back inserts), every
 * other index holds exactly one event, {@code eventCount} of them, whose {@link MerkleTree} root is
 * {@code merkleRoot}. Checkpoints chain: {@code checkpointHash = SHA-256(canonical)}, canonical being each of
 * "leadledger-checkpoint-v1", number, firstIndex, lastIndex, eventCount, gaps (decimal, comma-separated, ascending;
 * empty when none), merkleRoot (32 bytes), previousHash (32 bytes; zeros for checkpoint 1) as a 4-byte big-endian
 * length followed by its bytes (text as UTF-8).
 */
public record Checkpoint(long number, long firstIndex, long lastIndex, long eventCount, List<Long> gaps,
                         byte[] merkleRoot, byte[] previousHash, byte[] checkpointHash) {

    public static final byte[] GENESIS = new byte[32];
    private static final String VERSION = "leadledger-checkpoint-v1";

    public Checkpoint {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** A new checkpoint with its hash computed. */
    public static Checkpoint seal(long number, long firstIndex, long lastIndex, long eventCount, List<Long> gaps,
                                  byte[] merkleRoot, byte[] previousHash) {
        Checkpoint unsealed = new Checkpoint(number, firstIndex, lastIndex, eventCount, gaps, merkleRoot,
                previousHash, null);
        return new Checkpoint(number, firstIndex, lastIndex, eventCount, gaps, merkleRoot, previousHash,
                unsealed.computeHash());
    }

    public byte[] computeHash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, text(VERSION));
        field(out, text(Long.toString(number)));
        field(out, text(Long.toString(firstIndex)));
        field(out, text(Long.toString(lastIndex)));
        field(out, text(Long.toString(eventCount)));
        field(out, text(gaps.stream().map(String::valueOf).collect(Collectors.joining(","))));
        field(out, merkleRoot);
        field(out, previousHash);
        MessageDigest sha256 = Hashes.sha256();
        return sha256.digest(out.toByteArray());
    }

    public boolean hashIsValid() {
        return checkpointHash != null && Arrays.equals(checkpointHash, computeHash());
    }

    public boolean isGap(long globalIndex) {
        return java.util.Collections.binarySearch(gaps, globalIndex) >= 0;
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

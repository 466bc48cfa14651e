package com.leadledger.integrity.proof;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.MerkleTree;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 6962 Merkle tree over the whole event log: one leaf per stored event, in global-index order (indexes no
 * committed event holds are simply not leaves), {@code leaf = SHA-256(0x00 || eventHash)},
 * {@code node = SHA-256(0x01 || left || right)}, split at the largest power of two smaller than the size. A signed
 * {@link TreeHead} names its size and root; the proofs are RFC 6962 section 2.1.1 (audit path) and 2.1.2
 * (consistency), generated here from the leaf hashes and checked by {@link ProofVerifier}.
 */
public final class LogTree {

    private final List<byte[]> leaves;

    /** @param leaves the leaf hashes ({@link #leafHash(byte[])}) in global-index order */
    public LogTree(List<byte[]> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    public static byte[] leafHash(byte[] eventHash) {
        MessageDigest sha256 = Hashes.sha256();
        sha256.update((byte) 0x00);
        sha256.update(eventHash);
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return MerkleTree.node(left, right);
    }

    /** The root of the empty tree, SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return Hashes.sha256().digest();
    }

    public int size() {
        return leaves.size();
    }

    /** The root of the tree over the first {@code size} leaves. */
    public byte[] root(int size) {
        checkSize(size);
        return hash(0, size);
    }

    /** The audit path of leaf {@code index} in the tree over the first {@code size} leaves, from the leaf up. */
    public List<byte[]> inclusionPath(int index, int size) {
        checkSize(size);
        return hashes(inclusionRanges(index, size));
    }

    /** The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} leaves. */
    public List<byte[]> consistencyProof(int first, int second) {
        checkSize(second);
        return hashes(consistencyRanges(first, second));
    }

    /** A run of consecutive leaves, {@code from} inclusive, {@code to} exclusive: one node of the tree. */
    public record Range(long from, long to) {
    }

    /**
     * The nodes whose hashes make the audit path of leaf {@code index} in the tree of {@code size} leaves, from the
     * leaf up (RFC 6962 section 2.1.1). They do not overlap, so one pass over the leaves can hash them all
     * ({@link StreamedNodes}).
     */
    public static List<Range> inclusionRanges(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** The nodes of the consistency proof from {@code first} to {@code second} leaves (RFC 6962 section 2.1.2). */
    public static List<Range> consistencyRanges(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<Range> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    /** RFC 6962: the largest power of two smaller than {@code n} (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void path(long index, long from, long to, List<Range> path) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < k) {
            path(index, from, from + k, path);
            path.add(new Range(from + k, to));
        } else {
            path(index - k, from + k, to, path);
            path.add(new Range(from, from + k));
        }
    }

    private static void subproof(long m, long from, long to, boolean whole, List<Range> proof) {
        long n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(new Range(from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, proof);
            proof.add(new Range(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(new Range(from, from + k));
        }
    }

    private List<byte[]> hashes(List<Range> ranges) {
        return ranges.stream().map(r -> hash((int) r.from(), (int) r.to())).toList();
    }

    private byte[] hash(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = (int) split(n);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private void checkSize(int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + size);
        }
    }
}

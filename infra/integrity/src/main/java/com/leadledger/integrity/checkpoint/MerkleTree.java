package com.leadledger.integrity.checkpoint;

import com.leadledger.integrity.Hashes;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of a checkpoint (README, "Audit"), RFC 6962 (Certificate Transparency) style:
 * <pre>
 * leaf(e)      = SHA-256(0x00 || globalIndex as 8-byte big-endian || eventHash)
 * node(l, r)   = SHA-256(0x01 || l || r)
 * root([])     = SHA-256("")
 * root([x])    = x
 * root(leaves) = node(root(first k leaves), root(the rest)), k = the largest power of two smaller than n
 * </pre>
 * Fed leaves in global-index order, it keeps one perfect subtree per set bit of the count, so memory is logarithmic.
 */
public final class MerkleTree {

    private record Subtree(int height, byte[] hash) {
    }

    private static final int HASH_LENGTH = 32;

    private final List<Subtree> stack = new ArrayList<>();
    private long size;

    public static byte[] leaf(long globalIndex, byte[] eventHash) {
        MessageDigest sha256 = Hashes.sha256();
        sha256.update((byte) 0x00);
        sha256.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        sha256.update(eventHash == null ? new byte[0] : eventHash);
        return sha256.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = Hashes.sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    public void add(long globalIndex, byte[] eventHash) {
        addLeafHash(leaf(globalIndex, eventHash));
    }

    public void addLeafHash(byte[] leafHash) {
        Subtree current = new Subtree(0, leafHash);
        while (!stack.isEmpty() && stack.get(stack.size() - 1).height() == current.height()) {
            Subtree left = stack.remove(stack.size() - 1);
            current = new Subtree(current.height() + 1, node(left.hash(), current.hash()));
        }
        stack.add(current);
        size++;
    }

    public long size() {
        return size;
    }

    /**
     * The hashes of the perfect subtrees it keeps, largest first, 32 bytes each: with {@link #size()}, all that is needed
     * to go on adding leaves ({@link #resume}).
     */
    public byte[] frontier() {
        ByteBuffer frontier = ByteBuffer.allocate(stack.size() * HASH_LENGTH);
        stack.forEach(subtree -> frontier.put(subtree.hash()));
        return frontier.array();
    }

    /**
     * The tree of {@code size} leaves whose {@link #frontier()} this is: one perfect subtree per set bit of the size,
     * largest first.
     *
     * @throws IllegalArgumentException when the frontier does not have one 32-byte hash per set bit of the size
     */
    public static MerkleTree resume(long size, byte[] frontier) {
        if (size < 0 || frontier.length != Long.bitCount(size) * HASH_LENGTH) {
            throw new IllegalArgumentException("a frontier of " + frontier.length + " bytes for " + size + " leaves");
        }
        MerkleTree tree = new MerkleTree();
        int offset = 0;
        for (int height = 63 - Long.numberOfLeadingZeros(size); height >= 0; height--) {
            if ((size & (1L << height)) != 0) {
                tree.stack.add(new Subtree(height, Arrays.copyOfRange(frontier, offset, offset + HASH_LENGTH)));
                offset += HASH_LENGTH;
            }
        }
        tree.size = size;
        return tree;
    }

    /** An independent tree with the same leaves so far: adding to either leaves the other as it is. */
    public MerkleTree copy() {
        MerkleTree copy = new MerkleTree();
        copy.stack.addAll(stack); // subtrees are never changed once made
        copy.size = size;
        return copy;
    }

    public byte[] root() {
        if (stack.isEmpty()) {
            return Hashes.sha256().digest();
        }
        byte[] root = stack.get(stack.size() - 1).hash();
        for (int i = stack.size() - 2; i >= 0; i--) {
            root = node(stack.get(i).hash(), root);
        }
        return root;
    }
}

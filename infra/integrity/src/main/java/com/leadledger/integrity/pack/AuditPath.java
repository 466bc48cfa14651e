package com.leadledger.integrity.pack;

import com.leadledger.integrity.checkpoint.MerkleTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFC 6962 / RFC 9162 (section 2.1.3) audit path of one leaf in a Merkle tree of {@link MerkleTree}'s shape, and
 * its verification: the hashes that, combined with the leaf hash from the bottom up, give the root.
 */
public final class AuditPath {

    private AuditPath() {
    }

    /** The audit path of the leaf at {@code index} (0-based) among {@code leafHashes}, nearest sibling first. */
    public static List<byte[]> of(int index, List<byte[]> leafHashes) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        collect(index, leafHashes, path);
        return path;
    }

    private static void collect(int index, List<byte[]> leaves, List<byte[]> path) {
        int n = leaves.size();
        if (n <= 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            collect(index, leaves.subList(0, k), path);
            path.add(root(leaves.subList(k, n)));
        } else {
            collect(index - k, leaves.subList(k, n), path);
            path.add(root(leaves.subList(0, k)));
        }
    }

    /** The Merkle tree hash of the leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::addLeafHash);
        return tree.root();
    }

    /** The root the path leads to from {@code leafHash} at {@code index} in a tree of {@code size}; null if it cannot. */
    public static byte[] rootFrom(byte[] leafHash, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifies(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        byte[] computed = rootFrom(leafHash, index, size, path);
        return computed != null && Arrays.equals(computed, root);
    }
}

package com.leadledger.integrity.pack;

import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.ProofVerifier;

import java.util.List;

/**
 * The RFC 6962 / RFC 9162 (section 2.1.3) audit path of one leaf in a checkpoint's Merkle tree ({@link MerkleTree}'s
 * shape, which is {@link LogTree}'s over other leaves), and its verification: the hashes that, combined with the leaf
 * hash from the bottom up, give the root. The path is {@link LogTree}'s and is checked by {@link ProofVerifier}.
 */
public final class AuditPath {

    private AuditPath() {
    }

    /** The audit path of the leaf at {@code index} (0-based) among {@code leafHashes}, nearest sibling first. */
    public static List<byte[]> of(int index, List<byte[]> leafHashes) {
        return new LogTree(leafHashes).inclusionPath(index, leafHashes.size());
    }

    /** The Merkle tree hash of the leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::addLeafHash);
        return tree.root();
    }

    public static boolean verifies(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        return ProofVerifier.verifyInclusion(leafHash, index, size, path, root);
    }
}

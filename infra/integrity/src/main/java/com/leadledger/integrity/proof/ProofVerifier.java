package com.leadledger.integrity.proof;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks RFC 6962 proofs as RFC 9162 sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency) describe, with the hashes
 * of {@link LogTree}. Pure functions; a malformed proof (wrong length, wrong sizes) is simply not valid.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Whether {@code path} proves that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with
     * {@code root}.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null || path == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p == null || p.length != 32) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = LogTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = LogTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code first} leaves with {@code firstRoot} is a prefix of the tree
     * of {@code second} leaves with {@code secondRoot}.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second || firstRoot == null || secondRoot == null || proof == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, LogTree.emptyRoot());
        }
        if (proof.isEmpty() || proof.stream().anyMatch(p -> p == null || p.length != 32)) {
            return false;
        }
        int start = 0;
        byte[] seed;
        if (Long.bitCount(first) == 1) {
            seed = firstRoot;
        } else {
            seed = proof.get(0);
            start = 1;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = LogTree.nodeHash(c, fr);
                sr = LogTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = LogTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}

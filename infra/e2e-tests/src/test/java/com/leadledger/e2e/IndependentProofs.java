package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * An outside auditor's check of the published proofs, written from docs/audit.md and RFC 6962 alone and sharing no
 * code with the services (not infra/integrity): the tree-head signature with the JDK from the JWK set, and the audit
 * and consistency paths by the recursive definitions of RFC 6962 section 2.1 (the services use RFC 9162's iterative
 * verification), so that one implementation's mistake cannot hide in the other.
 */
public final class IndependentProofs {

    private static final HexFormat HEX = HexFormat.of();

    private IndependentProofs() {
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[]{1}, left, right);
    }

    static long split(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** Whether the inclusion proof (the API's JSON) leads from its event's hash to the root its checkpoint signs. */
    public static boolean inclusionHolds(JsonNode proof) {
        byte[] leaf = sha256(new byte[]{0}, HEX.parseHex(proof.get("eventHash").asText()));
        Deque<byte[]> path = hashes(proof.get("auditPath"));
        long size = proof.get("checkpoint").get("treeSize").asLong();
        long index = proof.get("leafIndex").asLong();
        if (index < 0 || index >= size) {
            return false;
        }
        byte[] root = rootFromPath(leaf, index, size, path);
        return root != null && path.isEmpty()
                && MessageDigest.isEqual(root, HEX.parseHex(proof.get("checkpoint").get("rootHash").asText()));
    }

    /** PATH(m, D[n]) read backwards: the path's last hash is the sibling at the top. */
    private static byte[] rootFromPath(byte[] leaf, long index, long size, Deque<byte[]> path) {
        if (size == 1) {
            return leaf;
        }
        if (path.isEmpty()) {
            return null;
        }
        byte[] sibling = path.removeLast();
        long k = split(size);
        if (index < k) {
            byte[] left = rootFromPath(leaf, index, k, path);
            return left == null ? null : node(left, sibling);
        }
        byte[] right = rootFromPath(leaf, index - k, size - k, path);
        return right == null ? null : node(sibling, right);
    }

    /** Whether the consistency proof (the API's JSON) shows the 'from' tree is a prefix of the 'to' tree. */
    public static boolean consistencyHolds(JsonNode proof) {
        long m = proof.get("from").get("treeSize").asLong();
        long n = proof.get("to").get("treeSize").asLong();
        byte[] oldRoot = HEX.parseHex(proof.get("from").get("rootHash").asText());
        byte[] newRoot = HEX.parseHex(proof.get("to").get("rootHash").asText());
        Deque<byte[]> hashes = hashes(proof.get("proof"));
        if (m == n) {
            return hashes.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (m <= 0 || m > n) {
            return false;
        }
        byte[][] roots = subproof(m, n, hashes, true, oldRoot);
        return roots != null && hashes.isEmpty() && MessageDigest.isEqual(roots[0], oldRoot)
                && MessageDigest.isEqual(roots[1], newRoot);
    }

    /** SUBPROOF(m, D[n], b) read backwards: the old and the new tree's hash over this subtree. */
    private static byte[][] subproof(long m, long n, Deque<byte[]> proof, boolean whole, byte[] oldRoot) {
        if (m == n) {
            if (whole) {
                return new byte[][]{oldRoot, oldRoot};
            }
            if (proof.isEmpty()) {
                return null;
            }
            byte[] hash = proof.removeLast();
            return new byte[][]{hash, hash};
        }
        if (proof.isEmpty()) {
            return null;
        }
        byte[] sibling = proof.removeLast();
        long k = split(n);
        if (m <= k) {
            byte[][] left = subproof(m, k, proof, whole, oldRoot);
            return left == null ? null : new byte[][]{left[0], node(left[1], sibling)};
        }
        byte[][] right = subproof(m - k, n - k, proof, false, oldRoot);
        return right == null ? null : new byte[][]{node(sibling, right[0]), node(sibling, right[1])};
    }

    /** Whether a checkpoint's tree-head signature is valid under the key its keyId names in the JWK set. */
    public static boolean signatureHolds(JsonNode checkpoint, JsonNode jwkSet) throws Exception {
        String canonical = String.join("\n", "leadledger-tree-head-v1",
                "checkpoint=" + checkpoint.get("number").asLong(),
                "lastIndex=" + checkpoint.get("lastIndex").asLong(),
                "treeSize=" + checkpoint.get("treeSize").asLong(),
                "rootHash=" + checkpoint.get("rootHash").asText(),
                "checkpointHash=" + checkpoint.get("checkpointHash").asText(),
                "keyId=" + checkpoint.get("keyId").asText());
        return verify(canonical, checkpoint.get("signature").asText(), key(jwkSet, checkpoint.get("keyId").asText()));
    }

    /** Whether a registration receipt's signature is valid (docs/audit.md, "Signed receipts"). */
    public static boolean receiptHolds(JsonNode receipt, JsonNode jwkSet) throws Exception {
        String canonical = String.join("\n", "leadledger-receipt-v1",
                "registrationId=" + receipt.get("registrationId").asText(),
                "opportunityId=" + receipt.get("opportunityId").asText(),
                "partnerId=" + receipt.get("partnerId").asText(),
                "acceptedAt=" + receipt.get("acceptedAt").asText(),
                "eventHash=" + receipt.get("eventHash").asText(),
                "keyId=" + receipt.get("keyId").asText());
        return verify(canonical, receipt.get("signature").asText(), key(jwkSet, receipt.get("keyId").asText()));
    }

    private static boolean verify(String canonical, String signature, PublicKey key) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    private static PublicKey key(JsonNode jwkSet, String keyId) throws Exception {
        for (JsonNode jwk : jwkSet.get("keys")) {
            if (keyId.equals(jwk.get("kid").asText())) {
                byte[] raw = Base64.getUrlDecoder().decode(jwk.get("x").asText());
                byte[] der = new byte[44];
                System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, der, 0, 12);
                System.arraycopy(raw, 0, der, 12, 32);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            }
        }
        throw new AssertionError("key " + keyId + " is not published");
    }

    private static Deque<byte[]> hashes(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        array.forEach(h -> list.add(HEX.parseHex(h.asText())));
        return new ArrayDeque<>(list);
    }
}

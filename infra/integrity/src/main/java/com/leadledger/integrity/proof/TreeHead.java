package com.leadledger.integrity.proof;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Ed25519SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint's signed tree head: the {@link LogTree} over every event up to the checkpoint's {@code lastIndex}
 * ({@code treeSize} leaves, root {@code rootHash}), bound to the checkpoint itself by its number and
 * {@code checkpointHash} (which already covers its range, gaps, range root and the previous checkpoint). The Ed25519
 * signature, by a key of the receipt key ring, covers {@link #canonical()}: these lines joined by a single {@code \n},
 * UTF-8, no trailing newline, hashes in lowercase hex:
 * <pre>
 * leadledger-tree-head-v1
 * checkpoint=…
 * lastIndex=…
 * treeSize=…
 * rootHash=…
 * checkpointHash=…
 * keyId=…
 * </pre>
 * {@code signature} is the standard Base64 of the 64-byte signature.
 */
public record TreeHead(long checkpoint, long lastIndex, long treeSize, String rootHash, String checkpointHash,
                       String keyId, String signature) {

    public static final String FORMAT = "leadledger-tree-head-v1";
    public static final String ALGORITHM = "Ed25519";

    public static TreeHead sign(long checkpoint, long lastIndex, long treeSize, byte[] rootHash, byte[] checkpointHash,
                                String keyId, Ed25519SigningKey key) {
        TreeHead unsigned = new TreeHead(checkpoint, lastIndex, treeSize, Hashes.hex(rootHash),
                Hashes.hex(checkpointHash), keyId, null);
        byte[] signature = key.sign(unsigned.canonical().getBytes(StandardCharsets.UTF_8));
        return new TreeHead(checkpoint, lastIndex, treeSize, unsigned.rootHash(), unsigned.checkpointHash(), keyId,
                Base64.getEncoder().encodeToString(signature));
    }

    public String canonical() {
        return String.join("\n", List.of(FORMAT,
                "checkpoint=" + checkpoint,
                "lastIndex=" + lastIndex,
                "treeSize=" + treeSize,
                "rootHash=" + rootHash,
                "checkpointHash=" + checkpointHash,
                "keyId=" + keyId));
    }

    /** True when {@code signature} is a valid Ed25519 signature of {@link #canonical()} under {@code key}. */
    public boolean signatureIsValid(PublicKey key) {
        return signature != null && key != null && Ed25519Keys.verify(canonical(), signature, key);
    }
}

package com.leadledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.integrity.proof.TreeHead;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The JSON shapes proofs and packs share: a checkpoint's signed tree head and a list of hex hashes. */
final class ProofJson {

    private static final HexFormat HEX = HexFormat.of();

    private ProofJson() {
    }

    /** The tree head a signed checkpoint's JSON ({@code number}, {@code treeSize}, {@code rootHash}, …) names. */
    static TreeHead treeHead(JsonNode checkpoint) {
        return new TreeHead(checkpoint.path("number").asLong(), checkpoint.path("lastIndex").asLong(),
                checkpoint.path("treeSize").asLong(), checkpoint.path("rootHash").asText(),
                checkpoint.path("checkpointHash").asText(), checkpoint.path("keyId").asText(),
                checkpoint.path("signature").asText());
    }

    /** An audit path or consistency proof: its hex hashes as bytes. */
    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(HEX.parseHex(h.asText())));
        return hashes;
    }
}

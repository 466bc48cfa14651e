package com.leadledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.ProofVerifier;
import com.leadledger.integrity.proof.TreeHead;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.integrity.receipt.Receipt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify-proof}: an inclusion proof, a sealed receipt or a consistency proof (docs/audit.md, "Signed checkpoints
 * and proofs"), each against the signed tree heads of its checkpoints and the published keys; offline when the keys
 * are a file.
 */
final class ProofCheck {

    private static final HexFormat HEX = HexFormat.of();

    private ProofCheck() {
    }

    static int run(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        String proofFile = options.get("proof");
        if (proofFile == null) {
            err.println("error: verify-proof needs --proof FILE");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode document = json.readTree(Files.readString(Path.of(proofFile)));
        JsonNode keys = json.readTree(ReceiptCheck.readKeys(options.getOrDefault("keys", ReceiptCheck.DEFAULT_KEYS)));
        Optional<String> problem;
        String verified;
        if (document.has("inclusion") && document.has("receipt")) {
            Receipt receipt = json.treeToValue(document.get("receipt"), Receipt.class);
            problem = receiptProblem(receipt, keys)
                    .or(() -> document.get("inclusion").path("eventHash").asText().equals(receipt.eventHash())
                            ? Optional.empty() : Optional.of("the proof is about another event than the receipt"))
                    .or(() -> inclusionProblem(document.get("inclusion"), keys));
            verified = "registration " + receipt.registrationId() + " of partner " + receipt.partnerId()
                    + " accepted at " + receipt.acceptedAt() + " is sealed in checkpoint #"
                    + document.get("inclusion").path("checkpoint").path("number").asLong();
        } else if (document.has("auditPath")) {
            problem = inclusionProblem(document, keys);
            verified = "event " + document.path("eventId").asText() + " (global index "
                    + document.path("globalIndex").asLong() + ") is leaf " + document.path("leafIndex").asLong()
                    + " of the " + document.path("treeSize").asLong() + " signed by checkpoint #"
                    + document.path("checkpoint").path("number").asLong();
        } else if (document.has("proof") && document.has("from") && document.has("to")) {
            problem = consistencyProblem(document, keys);
            verified = "checkpoint #" + document.get("to").path("number").asLong() + " (" + document.path("toTreeSize")
                    .asLong() + " events) extends checkpoint #" + document.get("from").path("number").asLong() + " ("
                    + document.path("fromTreeSize").asLong() + " events)";
        } else {
            err.println("error: " + proofFile + " is neither an inclusion proof, a sealed receipt nor a consistency "
                    + "proof");
            return 2;
        }
        if (problem.isPresent()) {
            out.println("INVALID: " + problem.get());
            return AuditCommands.BROKEN;
        }
        out.println("VALID: " + verified);
        return 0;
    }

    private static Optional<String> inclusionProblem(JsonNode proof, JsonNode keys) {
        JsonNode checkpoint = proof.path("checkpoint");
        Optional<String> signature = treeHeadProblem(checkpoint, keys);
        if (signature.isPresent()) {
            return signature;
        }
        byte[] leaf = LogTree.leafHash(HEX.parseHex(proof.path("eventHash").asText()));
        if (!Hashes.hex(leaf).equals(proof.path("leafHash").asText())) {
            return Optional.of("leafHash is not SHA-256(0x00 || eventHash)");
        }
        if (proof.path("treeSize").asLong() != checkpoint.path("treeSize").asLong()
                || !proof.path("rootHash").asText().equals(checkpoint.path("rootHash").asText())) {
            return Optional.of("the proof names another tree than its checkpoint signs");
        }
        boolean included = ProofVerifier.verifyInclusion(leaf, proof.path("leafIndex").asLong(),
                checkpoint.path("treeSize").asLong(), ProofJson.hashes(proof.path("auditPath")),
                HEX.parseHex(checkpoint.path("rootHash").asText()));
        return included ? Optional.empty() : Optional.of("the audit path does not lead from the event to the root "
                + "signed by checkpoint #" + checkpoint.path("number").asLong());
    }

    private static Optional<String> consistencyProblem(JsonNode proof, JsonNode keys) {
        JsonNode from = proof.get("from");
        JsonNode to = proof.get("to");
        Optional<String> signatures = treeHeadProblem(from, keys).or(() -> treeHeadProblem(to, keys));
        if (signatures.isPresent()) {
            return signatures;
        }
        boolean consistent = ProofVerifier.verifyConsistency(from.path("treeSize").asLong(),
                to.path("treeSize").asLong(), HEX.parseHex(from.path("rootHash").asText()),
                HEX.parseHex(to.path("rootHash").asText()), ProofJson.hashes(proof.path("proof")));
        return consistent ? Optional.empty() : Optional.of("the tree of checkpoint #" + from.path("number").asLong()
                + " is not shown to be a prefix of the tree of checkpoint #" + to.path("number").asLong());
    }

    private static Optional<String> treeHeadProblem(JsonNode checkpoint, JsonNode keys) {
        if (!checkpoint.hasNonNull("signature")) {
            return Optional.of("checkpoint #" + checkpoint.path("number").asLong() + " is not signed");
        }
        TreeHead head = ProofJson.treeHead(checkpoint);
        return key(keys, head.keyId())
                .map(key -> head.signatureIsValid(key) ? Optional.<String>empty()
                        : Optional.of("the signature of checkpoint #" + head.checkpoint()
                        + " does not match its tree head under key " + head.keyId()))
                .orElseGet(() -> Optional.of("key " + head.keyId() + " is not among the published keys"));
    }

    private static Optional<String> receiptProblem(Receipt receipt, JsonNode keys) {
        return key(keys, receipt.keyId())
                .map(key -> Ed25519Keys.verify(receipt, key) ? Optional.<String>empty()
                        : Optional.of("the receipt's signature does not match its fields under key " + receipt.keyId()))
                .orElseGet(() -> Optional.of("key " + receipt.keyId() + " is not among the published keys"));
    }

    private static Optional<PublicKey> key(JsonNode keys, String keyId) {
        for (JsonNode key : keys.path("keys")) {
            if (keyId.equals(key.path("kid").asText())) {
                return Optional.of(Ed25519Keys.fromJwkX(key.path("x").asText()));
            }
        }
        return Optional.empty();
    }
}

package com.leadledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.chain.EventChain;
import com.leadledger.integrity.chain.StoredEvent;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.checkpoint.MerkleTree;
import com.leadledger.integrity.proof.LogTree;
import com.leadledger.integrity.proof.ProofVerifier;
import com.leadledger.integrity.proof.TreeHead;
import com.leadledger.integrity.receipt.Ed25519Keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code verify-pack}: an opportunity's evidence pack (a ZIP or its unzipped folder), with the checks of the pack's own
 * {@code verify_pack.py} (docs/audit.md, "Evidence pack"); every problem names the file it concerns.
 */
final class PackCheck {

    private static final String MANIFEST = "MANIFEST.sha256";

    private final Map<String, byte[]> files;
    private final List<String> problems = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HexFormat hex = HexFormat.of();

    private PackCheck(Map<String, byte[]> files) {
        this.files = files;
    }

    static int run(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        String location = options.get("pack");
        if (location == null) {
            err.println("error: verify-pack needs --pack ZIP_OR_FOLDER");
            return 2;
        }
        PackCheck check = new PackCheck(read(Path.of(location)));
        int events = check.verify();
        if (check.problems.isEmpty()) {
            out.println("INTACT: " + events + " events, their chains and proofs, keys and manifest verified");
            return 0;
        }
        out.println("BROKEN:");
        check.problems.forEach(p -> out.println("  " + p));
        return AuditCommands.BROKEN;
    }

    private static Map<String, byte[]> read(Path location) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return files;
        }
        try (InputStream in = Files.newInputStream(location); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return files;
    }

    /** Every check; the number of events verified. */
    private int verify() {
        checkManifest();
        JsonNode pack = parse("pack.json");
        if (pack == null || !"leadledger-evidence-pack-v1".equals(pack.path("format").asText())) {
            problem("pack.json", "is not a leadledger-evidence-pack-v1 description");
            return 0;
        }
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        for (JsonNode path : pack.path("checkpoints")) {
            Checkpoint checkpoint = checkpoint(path.asText());
            if (checkpoint != null) {
                checkpoints.put(checkpoint.number(), checkpoint);
            }
        }
        List<String> folders = new ArrayList<>();
        pack.path("events").forEach(f -> folders.add(f.asText()));
        pack.path("policies").forEach(f -> folders.add(f.asText()));
        Set<String> withoutProof = new HashSet<>();
        pack.path("eventsWithoutProof").forEach(f -> withoutProof.add(f.asText()));
        Map<String, JsonNode> links = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        for (String folder : folders) {
            JsonNode link = event(folder, eventIds);
            if (link == null) {
                continue;
            }
            links.put(folder, link);
            if (files.containsKey(folder + "/proof.json")) {
                proof(folder, link, checkpoints);
            } else if (!withoutProof.contains(folder)) {
                problem(folder + "/proof.json", "is missing");
            }
        }
        for (JsonNode stream : pack.path("streams")) {
            String previous = Hashes.hex(EventChain.GENESIS);
            for (long sequence = 0; sequence < stream.path("events").asLong(); sequence++) {
                String folder = "events/" + stream.path("aggregateId").asText() + "/" + sequence;
                JsonNode link = links.get(folder);
                if (link == null) {
                    problem(folder, "is missing or does not verify, so its stream's chain is broken there");
                    break;
                }
                if (!previous.equals(link.path("previousHash").asText())) {
                    problem(folder + "/link.json", "its previousHash is not the previous event's hash");
                }
                previous = link.path("eventHash").asText();
            }
        }
        pack.path("policies").properties().forEach(policy -> {
            JsonNode payload = parse(policy.getValue().asText() + "/payload.json");
            if (payload != null && !policy.getKey().equals(payload.path("version").asText())) {
                problem(policy.getValue().asText() + "/payload.json", "does not publish policy version "
                        + policy.getKey());
            }
        });
        for (JsonNode path : pack.path("decisions")) {
            JsonNode decision = parse(path.asText());
            if (decision != null && !eventIds.contains(decision.path("eventId").asText())) {
                problem(path.asText(), "cites event " + decision.path("eventId").asText() + ", which is not in the pack");
            }
            if (decision != null && decision.path("policyVersion").isNumber()
                    && !pack.path("policies").has(decision.path("policyVersion").asText())) {
                problem(path.asText(), "cites policy version " + decision.path("policyVersion").asText()
                        + ", which is not in the pack");
            }
        }
        keys();
        signedTreeHead(pack.path("signedTreeHead").asText(null), links);
        return folders.size();
    }

    private void checkManifest() {
        byte[] manifest = files.get(MANIFEST);
        if (manifest == null) {
            problem(MANIFEST, "is missing");
            return;
        }
        Set<String> listed = new HashSet<>();
        String[] lines = new String(manifest, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            int separator = lines[i].indexOf("  ");
            if (separator != 64) {
                problem(MANIFEST, "line " + (i + 1) + " is not '<sha256>  <file>'");
                continue;
            }
            String path = lines[i].substring(66);
            listed.add(path);
            byte[] file = files.get(path);
            if (file == null) {
                problem(MANIFEST, "line " + (i + 1) + " names " + path + ", which is not in the pack");
            } else if (!Hashes.hex(Hashes.sha256().digest(file)).equals(lines[i].substring(0, 64))) {
                problem(path, "its SHA-256 is not the one " + MANIFEST + " records for it (line " + (i + 1) + ")");
            }
        }
        files.keySet().stream().filter(path -> !path.equals(MANIFEST) && !listed.contains(path))
                .forEach(path -> problem(path, "is not listed in " + MANIFEST));
    }

    /** The event's hash recomputed and compared with its link; the link, or null when it does not verify. */
    private JsonNode event(String folder, Set<String> eventIds) {
        JsonNode envelope = parse(folder + "/envelope.json");
        JsonNode link = parse(folder + "/link.json");
        byte[] payload = files.get(folder + "/payload.json");
        byte[] metadata = files.get(folder + "/metadata.json");
        if (envelope == null || link == null || payload == null || metadata == null) {
            problem(folder, "is incomplete");
            return null;
        }
        eventIds.add(envelope.path("eventId").asText());
        try {
            StoredEvent event = new StoredEvent(envelope.path("eventId").asText(),
                    envelope.path("aggregateId").asText(), envelope.path("sequenceNumber").asLong(),
                    envelope.path("aggregateType").asText(), envelope.path("payloadType").asText(),
                    envelope.path("payloadRevision").isNull() ? null : envelope.path("payloadRevision").asText(),
                    envelope.path("timestamp").asText(), payload, metadata, null, null);
            String computed = Hashes.hex(EventChain.hash(hex.parseHex(link.path("previousHash").asText()), event));
            if (!computed.equals(link.path("eventHash").asText())) {
                problem(folder + "/payload.json", "the event hash recomputed from envelope.json, payload.json and "
                        + "metadata.json is " + computed + ", not link.json's " + link.path("eventHash").asText());
                return null;
            }
            return link;
        } catch (IllegalArgumentException e) {
            problem(folder + "/link.json", "is not valid (" + e.getMessage() + ")");
            return null;
        }
    }

    private void proof(String folder, JsonNode link, Map<Long, Checkpoint> checkpoints) {
        String path = folder + "/proof.json";
        JsonNode proof = parse(path);
        if (proof == null) {
            return;
        }
        Checkpoint checkpoint = checkpoints.get(proof.path("checkpoint").asLong());
        if (checkpoint == null) {
            problem(path, "names checkpoint " + proof.path("checkpoint").asText() + ", which is not in the pack");
            return;
        }
        long globalIndex = link.path("globalIndex").asLong();
        if (proof.path("globalIndex").asLong() != globalIndex
                || proof.path("treeSize").asLong() != checkpoint.eventCount()) {
            problem(path, "its global index or tree size is not the event's or the checkpoint's");
            return;
        }
        try {
            List<byte[]> auditPath = ProofJson.hashes(proof.path("auditPath"));
            byte[] leaf = MerkleTree.leaf(globalIndex, hex.parseHex(link.path("eventHash").asText()));
            if (!ProofVerifier.verifyInclusion(leaf, proof.path("leafIndex").asLong(), checkpoint.eventCount(),
                    auditPath, checkpoint.merkleRoot())) {
                problem(path, "does not lead to the Merkle root of checkpoint " + checkpoint.number());
            }
        } catch (IllegalArgumentException e) {
            problem(path, "is not a valid audit path (" + e.getMessage() + ")");
        }
    }

    private Checkpoint checkpoint(String path) {
        JsonNode c = parse(path);
        if (c == null) {
            return null;
        }
        try {
            List<Long> gaps = new ArrayList<>();
            c.path("gaps").forEach(g -> gaps.add(g.asLong()));
            Checkpoint checkpoint = new Checkpoint(c.path("number").asLong(), c.path("firstIndex").asLong(),
                    c.path("lastIndex").asLong(), c.path("eventCount").asLong(), gaps,
                    hex.parseHex(c.path("merkleRoot").asText()), hex.parseHex(c.path("previousHash").asText()),
                    hex.parseHex(c.path("checkpointHash").asText()));
            if (!checkpoint.hashIsValid()) {
                problem(path, "its checkpointHash is not the hash of its fields");
            }
            return checkpoint;
        } catch (IllegalArgumentException e) {
            problem(path, "is incomplete (" + e.getMessage() + ")");
            return null;
        }
    }

    /** The signed checkpoint: its signature under its key, its signed text, and each event's proof in its tree. */
    private void signedTreeHead(String folder, Map<String, JsonNode> links) {
        if (folder == null) {
            return;
        }
        String path = folder + "/checkpoint.json";
        JsonNode c = parse(path);
        Checkpoint checkpoint = checkpoint(path);
        byte[] pem = files.get(folder + "/key.pem");
        if (c == null || checkpoint == null || pem == null) {
            problem(folder, "is incomplete");
            return;
        }
        TreeHead head = ProofJson.treeHead(c);
        if (!Arrays.equals(pem, files.get("keys/" + head.keyId() + ".pem"))) {
            problem(folder + "/key.pem", "is not the published key " + head.keyId());
        }
        try {
            if (!head.signatureIsValid(Ed25519Keys.publicKeyFromPem(new String(pem, StandardCharsets.US_ASCII)))) {
                problem(path, "its tree head's signature does not verify under key " + head.keyId());
            }
        } catch (RuntimeException e) {
            problem(folder + "/key.pem", "cannot be read (" + e.getMessage() + ")");
        }
        if (!Arrays.equals(files.get(folder + "/tree-head.txt"), head.canonical().getBytes(StandardCharsets.UTF_8))) {
            problem(folder + "/tree-head.txt", "is not the signed text of checkpoint.json's tree head");
        }
        byte[] signature = files.get(folder + "/tree-head.sig");
        try {
            if (!Arrays.equals(signature, Base64.getDecoder().decode(head.signature()))) {
                problem(folder + "/tree-head.sig", "is not checkpoint.json's signature");
            }
        } catch (IllegalArgumentException e) {
            problem(path, "has no valid signature");
        }
        links.forEach((eventFolder, link) -> {
            String proofPath = eventFolder + "/inclusion.json";
            JsonNode proof = parse(proofPath);
            if (proof == null) {
                return;
            }
            try {
                byte[] leaf = LogTree.leafHash(hex.parseHex(link.path("eventHash").asText()));
                List<byte[]> auditPath = ProofJson.hashes(proof.path("auditPath"));
                if (!link.path("eventHash").asText().equals(proof.path("eventHash").asText())
                        || !ProofVerifier.verifyInclusion(leaf, proof.path("leafIndex").asLong(), head.treeSize(),
                        auditPath, hex.parseHex(head.rootHash()))) {
                    problem(proofPath, "does not lead from the event to the root of signed checkpoint "
                            + head.checkpoint());
                }
            } catch (IllegalArgumentException e) {
                problem(proofPath, "is not a valid inclusion proof (" + e.getMessage() + ")");
            }
        });
    }

    private void keys() {
        JsonNode jwks = parse("keys/jwks.json");
        if (jwks == null) {
            return;
        }
        for (JsonNode key : jwks.path("keys")) {
            String path = "keys/" + key.path("kid").asText() + ".pem";
            byte[] pem = files.get(path);
            if (pem == null) {
                problem("keys/jwks.json", "key " + key.path("kid").asText() + " has no " + path);
                continue;
            }
            try {
                byte[] published = Base64.getUrlDecoder().decode(key.path("x").asText());
                byte[] filed = Ed25519Keys.rawPublicKey(
                        Ed25519Keys.publicKeyFromPem(new String(pem, StandardCharsets.US_ASCII)));
                if (!Arrays.equals(filed, published)) {
                    problem(path, "is not the Ed25519 key keys/jwks.json publishes for it");
                }
            } catch (IllegalArgumentException e) {
                problem(path, "cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    private JsonNode parse(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            problem(path, "is missing");
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            problem(path, "cannot be read as JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
    }

    private void problem(String path, String message) {
        problems.add(path + ": " + message);
    }
}

package com.leadledger.query.audit;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.checkpoint.Checkpoint;
import com.leadledger.integrity.receipt.Ed25519Keys;
import com.leadledger.query.dispute.DisputeViewRepository;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers an opportunity's evidence pack (docs/audit.md, "Evidence pack"): the opportunity's and its disputes' events
 * exactly as stored with their chain links, the checkpoints covering them with inclusion proofs, the published keys,
 * the policy versions its decisions cite (as the events that published them), the decision contexts, the signed
 * checkpoint covering them all with each event's inclusion proof in its tree, VERIFY.md and verify_pack.py, and
 * MANIFEST.sha256 over every file.
 */
@Component
class EvidencePackBuilder {

    static final String FORMAT = "leadledger-evidence-pack-v1";
    static final String MANIFEST = "MANIFEST.sha256";

    private final PackedEventRepository events;
    private final DisputeViewRepository disputes;
    private final DecisionContexts decisions;
    private final CheckpointEvidence checkpointEvidence;
    private final SignedTreeHeadEvidence signedTreeHead;
    private final CommandAuditClient command;
    private final ObjectWriter json;
    private final JsonMapper mapper;
    private final Clock clock;

    EvidencePackBuilder(PackedEventRepository events, DisputeViewRepository disputes, DecisionContexts decisions,
                        CheckpointEvidence checkpointEvidence, SignedTreeHeadEvidence signedTreeHead,
                        CommandAuditClient command, JsonMapper mapper, Clock clock) {
        this.events = events;
        this.disputes = disputes;
        this.decisions = decisions;
        this.checkpointEvidence = checkpointEvidence;
        this.signedTreeHead = signedTreeHead;
        this.command = command;
        this.mapper = mapper;
        this.json = mapper.writerWithDefaultPrettyPrinter();
        this.clock = clock;
    }

    /** The pack's files by path (MANIFEST.sha256 included); empty when the opportunity has no history. */
    Optional<Map<String, byte[]>> build(String opportunityId) {
        List<DecisionContexts.Decision> decided = decisions.of(opportunityId);
        if (decided == null) {
            return Optional.empty();
        }
        List<String> streams = new ArrayList<>();
        streams.add(opportunityId);
        streams.addAll(disputes.idsAbout(opportunityId).stream().sorted().toList());
        List<PackedEvent> history = events.ofStreams(streams);
        Set<Long> versions = new LinkedHashSet<>();
        decided.stream().map(DecisionContexts.Decision::policyVersion).filter(Objects::nonNull).sorted()
                .forEach(versions::add);
        List<PackedEvent> policies = events.policyPublications(versions);

        List<Long> indexes = new ArrayList<>();
        history.forEach(e -> indexes.add(e.globalIndex()));
        policies.forEach(e -> indexes.add(e.globalIndex()));
        List<CommandAuditClient.PublishedCheckpoint> published = command.checkpoints();
        CheckpointEvidence.Evidence evidence = checkpointEvidence.of(indexes, published.stream()
                .map(CommandAuditClient.PublishedCheckpoint::checkpoint).toList());
        List<PackedEvent> everyEvent = new ArrayList<>(history);
        everyEvent.addAll(policies);

        Map<String, byte[]> files = new TreeMap<>();
        ObjectNode pack = mapper.createObjectNode();
        Optional<SignedTreeHeadEvidence.Evidence> signed = signedTreeHead.of(everyEvent, published);
        pack.put("format", FORMAT);
        pack.put("opportunityId", opportunityId);
        pack.put("createdAt", clock.instant().toString());
        ArrayNode streamList = pack.putArray("streams");
        for (String stream : streams) {
            streamList.addObject().put("aggregateId", stream)
                    .put("kind", stream.equals(opportunityId) ? "opportunity" : "dispute")
                    .put("events", history.stream().filter(e -> e.aggregateId().equals(stream)).count());
        }
        ArrayNode eventDirs = pack.putArray("events");
        ArrayNode withoutProof = pack.putArray("eventsWithoutProof");
        for (PackedEvent event : history) {
            String dir = "events/" + event.aggregateId() + "/" + event.sequenceNumber();
            eventDirs.add(dir);
            if (!addEvent(files, dir, event, evidence, signed)) {
                withoutProof.add(dir);
            }
        }
        ObjectNode policyDirs = pack.putObject("policies");
        for (PackedEvent publication : policies) {
            long version = parse(publication.payload()).path("version").asLong();
            String dir = "policies/" + version;
            policyDirs.put(Long.toString(version), dir);
            if (!addEvent(files, dir, publication, evidence, signed)) {
                withoutProof.add(dir);
            }
        }
        ArrayNode checkpointFiles = pack.putArray("checkpoints");
        for (Checkpoint checkpoint : evidence.checkpoints()) {
            String path = "checkpoints/" + checkpoint.number() + ".json";
            checkpointFiles.add(path);
            files.put(path, write(checkpoint(checkpoint)));
        }
        String keySet = command.keySet();
        Map<String, byte[]> pems = pems(keySet);
        signed.ifPresentOrElse(head -> {
            pack.put("signedTreeHead", "tree-head");
            files.put("tree-head/checkpoint.json", write(head.checkpoint()));
            files.put("tree-head/tree-head.txt", head.canonical().getBytes(StandardCharsets.UTF_8));
            files.put("tree-head/tree-head.sig", head.signature());
            files.put("tree-head/key.pem", Optional.ofNullable(pems.get(head.keyId())).orElseThrow(() ->
                    new CommandAuditClient.Unavailable("key " + head.keyId() + " is not in the published key set",
                            null)));
        }, () -> pack.putNull("signedTreeHead"));
        ArrayNode decisionFiles = pack.putArray("decisions");
        for (int i = 0; i < decided.size(); i++) {
            String path = "decisions/%03d.json".formatted(i + 1);
            decisionFiles.add(path);
            files.put(path, write(decided.get(i)));
        }
        ArrayNode keyFiles = pack.putArray("keys");
        files.put("keys/jwks.json", keySet.getBytes(StandardCharsets.UTF_8));
        keyFiles.add("keys/jwks.json");
        pems.forEach((kid, pem) -> {
            files.put("keys/" + kid + ".pem", pem);
            keyFiles.add("keys/" + kid + ".pem");
        });
        files.put("pack.json", write(pack));
        files.put("VERIFY.md", resource("VERIFY.md"));
        files.put("verify_pack.py", resource("verify_pack.py"));
        files.put(MANIFEST, manifest(files));
        return Optional.of(files);
    }

    /** The event's files; false when no checkpoint proves it yet. */
    private boolean addEvent(Map<String, byte[]> files, String dir, PackedEvent event,
                             CheckpointEvidence.Evidence evidence,
                             Optional<SignedTreeHeadEvidence.Evidence> signed) {
        signed.map(head -> head.proofs().get(event.eventId()))
                .ifPresent(proof -> files.put(dir + "/inclusion.json", write(proof)));
        ObjectNode envelope = mapper.createObjectNode()
                .put("eventId", event.eventId())
                .put("eventType", event.eventType())
                .put("aggregateId", event.aggregateId())
                .put("sequenceNumber", event.sequenceNumber())
                .put("aggregateType", event.aggregateType())
                .put("payloadType", event.payloadType())
                .put("payloadRevision", event.payloadRevision())
                .put("timestamp", event.timestamp());
        files.put(dir + "/envelope.json", write(envelope));
        files.put(dir + "/payload.json", event.payload() == null ? new byte[0] : event.payload());
        files.put(dir + "/metadata.json", event.metadata() == null ? new byte[0] : event.metadata());
        files.put(dir + "/link.json", write(mapper.createObjectNode()
                .put("globalIndex", event.globalIndex())
                .put("previousHash", Hashes.hex(event.previousHash()))
                .put("eventHash", Hashes.hex(event.eventHash()))));
        CheckpointEvidence.Proof proof = evidence.proofs().get(event.globalIndex());
        if (proof == null) {
            return false;
        }
        ObjectNode proofNode = mapper.createObjectNode()
                .put("checkpoint", proof.checkpoint())
                .put("globalIndex", proof.globalIndex())
                .put("leafIndex", proof.leafIndex())
                .put("treeSize", proof.treeSize());
        ArrayNode path = proofNode.putArray("auditPath");
        proof.path().forEach(hash -> path.add(Hashes.hex(hash)));
        files.put(dir + "/proof.json", write(proofNode));
        return true;
    }

    private ObjectNode checkpoint(Checkpoint c) {
        ObjectNode node = mapper.createObjectNode()
                .put("number", c.number())
                .put("firstIndex", c.firstIndex())
                .put("lastIndex", c.lastIndex())
                .put("eventCount", c.eventCount());
        ArrayNode gaps = node.putArray("gaps");
        c.gaps().forEach(gaps::add);
        return node.put("merkleRoot", Hashes.hex(c.merkleRoot()))
                .put("previousHash", Hashes.hex(c.previousHash()))
                .put("checkpointHash", Hashes.hex(c.checkpointHash()));
    }

    /** Each published key as PEM, by key id, in the JWK set's order: the same text the command side serves. */
    private Map<String, byte[]> pems(String keySet) {
        Map<String, byte[]> pems = new LinkedHashMap<>();
        for (JsonNode key : mapper.readTree(keySet).path("keys")) {
            pems.put(key.path("kid").asString(), Ed25519Keys.toPem(Ed25519Keys.fromJwkX(key.path("x").asString()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return pems;
    }

    /** {@code sha256sum} format: the hex digest, two spaces, the path; one line per file, by path. */
    private static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder lines = new StringBuilder();
        files.forEach((path, bytes) -> lines.append(Hashes.hex(Hashes.sha256().digest(bytes))).append("  ")
                .append(path).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] write(Object value) {
        byte[] bytes = json.writeValueAsBytes(value);
        byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        withNewline[bytes.length] = '\n';
        return withNewline;
    }

    private JsonNode parse(byte[] bytes) {
        return mapper.readTree(bytes == null ? new byte[]{'{', '}'} : bytes);
    }

    private static byte[] resource(String name) {
        try (var in = new ClassPathResource("evidence-pack/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

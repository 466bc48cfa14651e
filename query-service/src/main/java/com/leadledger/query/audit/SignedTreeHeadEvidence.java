package com.leadledger.query.audit;

import com.leadledger.integrity.proof.TreeHead;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed part of an evidence pack: the command side's signed checkpoint (tree head over the whole log) that
 * covers every event of the pack, and each event's RFC 6962 inclusion proof in that tree, as the command side
 * publishes them (docs/audit.md, "Signed checkpoints and proofs"). Nothing when no signed checkpoint covers them yet.
 */
@Component
class SignedTreeHeadEvidence {

    /**
     * @param checkpoint the signed checkpoint as published
     * @param canonical  the tree head's signed text
     * @param signature  the raw Ed25519 signature
     * @param proofs     by event id: the inclusion proof without its (repeated) checkpoint
     */
    record Evidence(JsonNode checkpoint, String keyId, String canonical, byte[] signature, Map<String, JsonNode> proofs) {
    }

    private final CommandAuditClient command;

    SignedTreeHeadEvidence(CommandAuditClient command) {
        this.command = command;
    }

    /**
     * From the newest checkpoint covering every event; the one before when that one is not signed yet (tree heads
     * are signed as checkpoints are sealed, so at most the newest can still lack one).
     */
    Optional<Evidence> of(List<PackedEvent> events, List<CommandAuditClient.PublishedCheckpoint> published) {
        long last = events.stream().mapToLong(PackedEvent::globalIndex).max().orElse(0);
        List<Long> covering = published.stream().map(CommandAuditClient.PublishedCheckpoint::checkpoint)
                .filter(c -> c.lastIndex() >= last).map(c -> c.number()).sorted(Comparator.reverseOrder())
                .limit(2).toList();
        for (long number : covering) {
            Optional<Evidence> evidence = of(events, number);
            if (evidence.isPresent()) {
                return evidence;
            }
        }
        return Optional.empty();
    }

    private Optional<Evidence> of(List<PackedEvent> events, long number) {
        Map<String, JsonNode> proofs = new LinkedHashMap<>();
        JsonNode checkpoint = null;
        try {
            for (PackedEvent event : events) {
                JsonNode proof = command.inclusionProof(number, event.eventId());
                checkpoint = proof.get("checkpoint");
                ObjectNode withoutCheckpoint = (ObjectNode) proof.deepCopy();
                withoutCheckpoint.remove("checkpoint");
                proofs.put(event.eventId(), withoutCheckpoint);
            }
        } catch (CommandAuditClient.Unavailable notSignedYet) {
            return Optional.empty();
        }
        if (checkpoint == null || checkpoint.path("signature").isNull()) {
            return Optional.empty();
        }
        TreeHead head = new TreeHead(checkpoint.path("number").asLong(), checkpoint.path("lastIndex").asLong(),
                checkpoint.path("treeSize").asLong(), checkpoint.path("rootHash").asString(),
                checkpoint.path("checkpointHash").asString(), checkpoint.path("keyId").asString(),
                checkpoint.path("signature").asString());
        return Optional.of(new Evidence(checkpoint, head.keyId(), head.canonical(),
                Base64.getDecoder().decode(head.signature()), proofs));
    }
}

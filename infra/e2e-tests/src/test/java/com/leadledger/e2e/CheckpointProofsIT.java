package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.WalkingSkeletonIT.A;
import static com.leadledger.e2e.WalkingSkeletonIT.AUDITOR;
import static com.leadledger.e2e.WalkingSkeletonIT.B;
import static com.leadledger.e2e.WalkingSkeletonIT.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's receipt sealed into a signed checkpoint, and the checkpoints' trees shown to only ever grow, checked the
 * way an outside auditor would: with {@link IndependentProofs}, not the services' own code. Altered proofs fail.
 */
class CheckpointProofsIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();

    static JsonNode keys() {
        return system.commandApi.get("/api/v1/audit/keys", null).body();
    }

    /** Sealed on the system's schedule (a checkpoint a second): 409 RECEIPT_NOT_SEALED until then. */
    static JsonNode awaitSealedReceipt(String registrationId, String token) {
        AtomicReference<HttpApi.Answer> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).alias("sealed receipt")
                .until(() -> {
                    last.set(system.commandApi.get("/api/v1/registrations/" + registrationId + "/receipt/sealed",
                            token));
                    if (last.get().status() == 409) {
                        assertThat(last.get().text("code")).isEqualTo("RECEIPT_NOT_SEALED");
                    }
                    return last.get().status() == 200;
                });
        return last.get().body();
    }

    @Test
    void aSealedReceiptProvesTheRegistrationIsInASignedCheckpointAndAnAlteredProofDoesNot() throws Exception {
        var submitted = submit(A, Inns.random());
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String registrationId = submitted.text("registrationId");

        JsonNode sealed = awaitSealedReceipt(registrationId, partnerToken(A));
        JsonNode receipt = sealed.get("receipt");
        JsonNode inclusion = sealed.get("inclusion");
        assertThat(receipt).isEqualTo(submitted.body().get("receipt"));
        assertThat(IndependentProofs.receiptHolds(receipt, keys())).isTrue();
        assertThat(inclusion.get("eventHash").asText()).isEqualTo(receipt.get("eventHash").asText());
        assertThat(IndependentProofs.signatureHolds(inclusion.get("checkpoint"), keys())).isTrue();
        assertThat(IndependentProofs.inclusionHolds(inclusion)).isTrue();
        assertThat(system.commandApi.get("/api/v1/registrations/" + registrationId + "/receipt/sealed",
                partnerToken(B)).status()).as("another partner's registration").isEqualTo(404);

        // the same proof from the auditors' endpoint, in the latest checkpoint too
        long number = inclusion.get("checkpoint").get("number").asLong();
        String eventId = inclusion.get("eventId").asText();
        JsonNode proof = system.commandApi.get("/api/v1/audit/checkpoints/" + number + "/proof?eventId=" + eventId,
                AUDITOR).body();
        assertThat(proof).isEqualTo(inclusion);
        JsonNode latest = system.commandApi.get("/api/v1/audit/heads", AUDITOR).body().get("latestCheckpoint");
        JsonNode later = system.commandApi.get("/api/v1/audit/checkpoints/" + latest.get("number").asLong()
                + "/proof?eventId=" + eventId, AUDITOR).body();
        assertThat(IndependentProofs.signatureHolds(later.get("checkpoint"), keys())).isTrue();
        assertThat(IndependentProofs.inclusionHolds(later)).isTrue();

        // tampered: one bit of a path hash, another leaf position, another event, a rewritten root
        if (!inclusion.get("auditPath").isEmpty()) {
            ObjectNode path = inclusion.deepCopy();
            ArrayNode hashes = (ArrayNode) path.get("auditPath");
            hashes.set(0, flipLastHexDigit(hashes.get(0).asText()));
            assertThat(IndependentProofs.inclusionHolds(path)).isFalse();
            ObjectNode position = inclusion.deepCopy();
            position.put("leafIndex", inclusion.get("leafIndex").asLong() ^ 1);
            assertThat(IndependentProofs.inclusionHolds(position)).isFalse();
        }
        ObjectNode event = inclusion.deepCopy();
        event.put("eventHash", flipLastHexDigit(inclusion.get("eventHash").asText()));
        assertThat(IndependentProofs.inclusionHolds(event)).isFalse();
        ObjectNode root = inclusion.deepCopy();
        ((ObjectNode) root.get("checkpoint")).put("rootHash",
                flipLastHexDigit(inclusion.get("checkpoint").get("rootHash").asText()));
        assertThat(IndependentProofs.inclusionHolds(root)).as("a path to another root").isFalse();
        assertThat(IndependentProofs.signatureHolds(root.get("checkpoint"), keys())).as("another root signed")
                .isFalse();
    }

    @Test
    void everySignedCheckpointTreeExtendsTheFirstAndAnAlteredConsistencyProofFails() throws Exception {
        var submitted = submit(A, Inns.random());
        assertThat(submitted.status()).isEqualTo(201);
        awaitSealedReceipt(submitted.text("registrationId"), AUDITOR); // at least one checkpoint after it

        JsonNode heads = system.commandApi.get("/api/v1/audit/heads", AUDITOR).body();
        long last = heads.get("latestCheckpoint").get("number").asLong();
        assertThat(last).isGreaterThan(1);
        for (long from : new long[]{1, (last + 1) / 2, last - 1, last}) {
            var answer = system.commandApi.get("/api/v1/audit/checkpoints/consistency?from=" + from + "&to=" + last,
                    AUDITOR);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            JsonNode proof = answer.body();
            assertThat(IndependentProofs.signatureHolds(proof.get("from"), keys())).isTrue();
            assertThat(IndependentProofs.signatureHolds(proof.get("to"), keys())).isTrue();
            assertThat(IndependentProofs.consistencyHolds(proof)).as("%d -> %d", from, last).isTrue();
            if (!proof.get("proof").isEmpty()) {
                ObjectNode altered = proof.deepCopy();
                ArrayNode hashes = (ArrayNode) altered.get("proof");
                int lastHash = hashes.size() - 1;
                hashes.set(lastHash, flipLastHexDigit(hashes.get(lastHash).asText()));
                assertThat(IndependentProofs.consistencyHolds(altered)).isFalse();
                ObjectNode shorter = proof.deepCopy();
                ((ArrayNode) shorter.get("proof")).remove(0);
                assertThat(IndependentProofs.consistencyHolds(shorter)).isFalse();
                ObjectNode rewritten = proof.deepCopy();
                ((ObjectNode) rewritten.get("from")).put("rootHash",
                        flipLastHexDigit(proof.get("from").get("rootHash").asText()));
                assertThat(IndependentProofs.consistencyHolds(rewritten)).as("a rewritten earlier tree").isFalse();
            }
        }
        var backwards = system.commandApi.get("/api/v1/audit/checkpoints/consistency?from=" + last + "&to=1",
                AUDITOR);
        assertThat(backwards.status()).isEqualTo(400);
    }

    static String flipLastHexDigit(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }
}

package com.leadledger.integrity.proof;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.receipt.ReceiptKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TreeHeadTest {

    @TempDir
    Path keys;

    private final byte[] root = Hashes.sha256().digest("root".getBytes());
    private final byte[] checkpointHash = Hashes.sha256().digest("checkpoint".getBytes());

    @Test
    void theCanonicalFormIsTheDocumentedLines() {
        TreeHead head = new TreeHead(3, 120, 117, "ab", "cd", "ed25519-x", null);
        assertThat(head.canonical()).isEqualTo("leadledger-tree-head-v1\ncheckpoint=3\nlastIndex=120\ntreeSize=117\n"
                + "rootHash=ab\ncheckpointHash=cd\nkeyId=ed25519-x");
    }

    @Test
    void aSignedTreeHeadVerifiesWithItsKeyAndNotOnceAltered() throws Exception {
        String keyId = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 12, 3));
        ReceiptKeyRing ring = ReceiptKeyRing.load(keys, "");
        TreeHead head = ring.signTreeHead(3, 120, 117, root, checkpointHash);
        var key = ring.publishedKey(keyId).orElseThrow().publicKey();

        assertThat(head.keyId()).isEqualTo(keyId);
        assertThat(head.rootHash()).isEqualTo(Hashes.hex(root));
        assertThat(head.signatureIsValid(key)).isTrue();
        assertThat(new TreeHead(3, 120, 118, head.rootHash(), head.checkpointHash(), keyId, head.signature())
                .signatureIsValid(key)).isFalse();
        assertThat(new TreeHead(3, 120, 117, head.checkpointHash(), head.checkpointHash(), keyId, head.signature())
                .signatureIsValid(key)).isFalse();
        assertThat(new TreeHead(3, 120, 117, head.rootHash(), head.checkpointHash(), keyId, "not base64!")
                .signatureIsValid(key)).isFalse();
    }

    @Test
    void aTreeHeadSignedBeforeARotationStillVerifiesWithTheRetiredKey() throws Exception {
        String oldKey = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 11, 1));
        TreeHead before = ReceiptKeyRing.load(keys, "").signTreeHead(1, 10, 9, root, checkpointHash);
        String newKey = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 12, 1));
        java.nio.file.Files.delete(keys.resolve(oldKey + ".private.pem"));
        ReceiptKeyRing rotated = ReceiptKeyRing.load(keys, "");

        assertThat(rotated.activeKeyId()).isEqualTo(newKey);
        assertThat(rotated.signTreeHead(2, 20, 19, root, checkpointHash).keyId()).isEqualTo(newKey);
        assertThat(before.signatureIsValid(rotated.publishedKey(oldKey).orElseThrow().publicKey())).isTrue();
        assertThat(before.signatureIsValid(rotated.publishedKey(newKey).orElseThrow().publicKey())).isFalse();
    }
}

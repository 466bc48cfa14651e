package com.leadledger.integrity.receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptKeyRingTest {

    @TempDir
    Path dir;

    /** Security point 11: the private key is owner-only from its first byte, in an owner-only directory. */
    @Test
    void generatesThePrivateKeyReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        String keyId = ReceiptKeyRing.generate(keys, LocalDate.of(2026, 11, 22));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                keys.resolve(keyId + ".private.pem")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(keyId + ".private.pem", keyId + ".public.pem");
        }
    }

    @Test
    void generatesAKeyPairThatSignsVerifiableReceipts() throws Exception {
        assertThat(ReceiptKeyRing.hasSigningKey(dir.resolve("keys"))).isFalse();
        String keyId = ReceiptKeyRing.generate(dir.resolve("keys"), LocalDate.of(2026, 11, 22));
        assertThat(keyId).matches("ed25519-20261122-[0-9a-f]{8}");
        assertThat(ReceiptKeyRing.hasSigningKey(dir.resolve("keys"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("keys/" + keyId + ".private.pem")))).isEqualTo("rw-------");

        ReceiptKeyRing ring = ReceiptKeyRing.load(dir.resolve("keys"), "");
        assertThat(ring.activeKeyId()).isEqualTo(keyId);
        Receipt receipt = ring.sign("r-1", "o-1", "P-1001", "2026-11-22T09:00:00Z", "ab".repeat(32));
        assertThat(receipt.keyId()).isEqualTo(keyId);
        assertThat(receipt.algorithm()).isEqualTo("Ed25519");
        assertThat(Ed25519Keys.verify(receipt, ring.publishedKey(keyId).orElseThrow().publicKey())).isTrue();
    }

    @Test
    void theNewestPrivateKeySignsUnlessOneIsNamedAndRetiredKeysStayPublished() throws Exception {
        String older = ReceiptKeyRing.generate(dir, LocalDate.of(2026, 1, 1));
        String newer = ReceiptKeyRing.generate(dir, LocalDate.of(2026, 6, 1));
        var retired = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(dir.resolve("ed25519-20200101-retired0.public.pem"), Ed25519Keys.toPem(retired.getPublic()));

        ReceiptKeyRing ring = ReceiptKeyRing.load(dir, null);
        assertThat(ring.activeKeyId()).isEqualTo(newer);
        assertThat(ring.publishedKeys()).extracting(ReceiptKeyRing.PublishedKey::keyId)
                .containsExactly("ed25519-20200101-retired0", older, newer);
        assertThat(ring.publishedKey("ed25519-20200101-retired0").orElseThrow().publicKey().getEncoded())
                .isEqualTo(retired.getPublic().getEncoded());
        assertThat(ReceiptKeyRing.load(dir, older).activeKeyId()).isEqualTo(older);
    }

    @Test
    void aDirectoryWithoutPrivateKeyCannotSign() throws Exception {
        var retired = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(dir.resolve("k0.public.pem"), Ed25519Keys.toPem(retired.getPublic()));
        assertThatThrownBy(() -> ReceiptKeyRing.load(dir, ""))
                .isInstanceOf(ReceiptKeyRing.NoSigningKeyException.class)
                .hasMessageContaining("no receipt signing key in");
        Files.writeString(dir.resolve("k1.private.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ReceiptKeyRing.load(dir, "")).hasMessageContaining("k1.private.pem is not an Ed25519");
    }
}

package com.leadledger.integrity.receipt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

    static Receipt signed(KeyPair keys, String keyId) throws Exception {
        String canonical = Receipt.canonical("r-1", "o-1", "P-1001", "2026-11-22T09:00:00.123456Z", "ab".repeat(32), keyId);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(canonical.getBytes(StandardCharsets.UTF_8));
        return new Receipt("r-1", "o-1", "P-1001", "2026-11-22T09:00:00.123456Z", "ab".repeat(32), keyId,
                Receipt.ALGORITHM, Base64.getEncoder().encodeToString(signer.sign()));
    }

    @Test
    void verifiesWithThePublishedKeyAndFailsForEveryAlteredField() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Receipt receipt = signed(keys, "k1");
        var published = Ed25519Keys.fromJwkX(Ed25519Keys.toJwkX(keys.getPublic()));

        assertThat(Ed25519Keys.verify(receipt, published)).isTrue();
        assertThat(Ed25519Keys.verify(new Receipt("r-2", receipt.opportunityId(), receipt.partnerId(),
                receipt.acceptedAt(), receipt.eventHash(), receipt.keyId(), receipt.algorithm(), receipt.signature()),
                published)).isFalse();
        assertThat(Ed25519Keys.verify(new Receipt(receipt.registrationId(), "o-2", receipt.partnerId(),
                receipt.acceptedAt(), receipt.eventHash(), receipt.keyId(), receipt.algorithm(), receipt.signature()),
                published)).isFalse();
        assertThat(Ed25519Keys.verify(new Receipt(receipt.registrationId(), receipt.opportunityId(), "P-1002",
                receipt.acceptedAt(), receipt.eventHash(), receipt.keyId(), receipt.algorithm(), receipt.signature()),
                published)).isFalse();
        assertThat(Ed25519Keys.verify(new Receipt(receipt.registrationId(), receipt.opportunityId(),
                receipt.partnerId(), "2026-11-22T08:59:59Z", receipt.eventHash(), receipt.keyId(),
                receipt.algorithm(), receipt.signature()), published)).isFalse();
        assertThat(Ed25519Keys.verify(new Receipt(receipt.registrationId(), receipt.opportunityId(),
                receipt.partnerId(), receipt.acceptedAt(), "cd".repeat(32), receipt.keyId(), receipt.algorithm(),
                receipt.signature()), published)).isFalse();
        assertThat(Ed25519Keys.verify(new Receipt(receipt.registrationId(), receipt.opportunityId(),
                receipt.partnerId(), receipt.acceptedAt(), receipt.eventHash(), "k2", receipt.algorithm(),
                receipt.signature()), published)).isFalse();
    }

    @Test
    void failsUnderAnotherKey() throws Exception {
        Receipt receipt = signed(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), "k1");
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        assertThat(Ed25519Keys.verify(receipt, other)).isFalse();
    }

    @Test
    void rendersAPemThatTheJdkReadsBack() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = Ed25519Keys.toPem(keys.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(der).isEqualTo(keys.getPublic().getEncoded());
    }

    /** A receipt signed before signing moved into this module; Ed25519 is deterministic, so it must not change. */
    static final Receipt ISSUED = new Receipt("3f6c2a4e-0d1b-4c57-9a8e-5b2f1d7c9e01",
            "8a1d4f3b-6c2e-4e9a-b7d1-2c5f8e0a3b47", "P-1001", "2026-11-22T09:00:00.123456Z", "9c4b".repeat(16),
            "ed25519-20261122-3f2a9c1d", "Ed25519",
            "TPTrNg8FVi7UzbTlaOYBfms+7dRnZ2e6f+pKExv9DQ09h91jv4mtlGBnVSQGqm2AmZau1H92shxuXeariWo5DQ==");
    static final String ISSUING_KEY_X = "ZpKl3tn-5ZV1vOmSTcbhXbm0bTMuNABy25djUWCBB48";
    /** The test-only private key that signed {@link #ISSUED} (PKCS#8, Base64). */
    static final String ISSUING_KEY_PKCS8 = "MC4CAQAwBQYDK2VwBCIEIAgrkIdfgzsr/OrOSPXKBFNqeEtRzblXKynOSqP4ACDS";

    @Test
    void aReceiptIssuedEarlierStillVerifiesAndSigningReproducesItByteForByte() throws Exception {
        assertThat(Ed25519Keys.verify(ISSUED, Ed25519Keys.fromJwkX(ISSUING_KEY_X))).isTrue();

        var key = KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(ISSUING_KEY_PKCS8)));
        assertThat(Receipt.sign(ISSUED.registrationId(), ISSUED.opportunityId(), ISSUED.partnerId(),
                ISSUED.acceptedAt(), ISSUED.eventHash(), ISSUED.keyId(), key)).isEqualTo(ISSUED);
    }

    @Test
    void privateAndPublicPemsRoundTrip() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(Ed25519Keys.privateKeyFromPem(Ed25519Keys.toPem(keys.getPrivate())).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(Ed25519Keys.publicKeyFromPem(Ed25519Keys.toPem(keys.getPublic())).getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
    }
}

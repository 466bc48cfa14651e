package com.leadledger.events.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
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
}

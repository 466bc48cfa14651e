package com.leadledger.integrity.receipt;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519SigningKeyTest {

    /** Ed25519 is deterministic: for the same key and message the bytes must be the JDK's, whatever the length. */
    @Test
    void signsByteForByteAsTheJdkDoes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        Random random = new Random(20261203);
        for (int i = 0; i < 50; i++) {
            KeyPair keys = generator.generateKeyPair();
            Ed25519SigningKey fast = Ed25519SigningKey.of(keys.getPrivate());
            for (int length : new int[]{0, 1, 63, 64, 65, 300, 4096}) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                Signature jdk = Signature.getInstance("Ed25519");
                jdk.initSign(keys.getPrivate());
                jdk.update(message);

                byte[] signature = fast.sign(message);
                assertThat(signature).isEqualTo(jdk.sign());
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(keys.getPublic());
                verifier.update(message);
                assertThat(verifier.verify(signature)).isTrue();
            }
        }
    }

    @Test
    void refusesKeysOfAnotherAlgorithm() throws Exception {
        assertThatThrownBy(() -> Ed25519SigningKey.of(KeyPairGenerator.getInstance("Ed448").generateKeyPair()
                .getPrivate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519SigningKey.of(KeyPairGenerator.getInstance("EC").generateKeyPair()
                .getPrivate())).isInstanceOf(IllegalArgumentException.class).hasMessage("not an Ed25519 private key");
    }
}

package com.leadledger.integrity.receipt;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt and its key written by the signer that used the JDK's Ed25519 (before signing moved to BouncyCastle), as
 * the API answered it and as the key endpoints publish the key: it still verifies, and the key ring signs it again
 * byte for byte. The private key in that directory is a test key that never signed anything else.
 */
class ReceiptIssuedByTheJdkSignerTest {

    static final String KEY_ID = "ed25519-20261203-91ac43b2";

    static Path issued() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(
                ReceiptIssuedByTheJdkSignerTest.class.getResource("/receipts/issued-by-the-jdk-signer")).toURI());
    }

    static Receipt receipt() throws Exception {
        String json = Files.readString(issued().resolve("receipt.json"));
        return new Receipt(field(json, "registrationId"), field(json, "opportunityId"), field(json, "partnerId"),
                field(json, "acceptedAt"), field(json, "eventHash"), field(json, "keyId"), field(json, "algorithm"),
                field(json, "signature"));
    }

    @Test
    void stillVerifiesWithThePublishedKeyInEitherForm() throws Exception {
        Receipt receipt = receipt();
        assertThat(receipt.keyId()).isEqualTo(KEY_ID);
        String jwkSet = Files.readString(issued().resolve("keys.json"));
        assertThat(Ed25519Keys.verify(receipt, Ed25519Keys.fromJwkX(field(jwkSet, "x")))).isTrue();
        assertThat(Ed25519Keys.verify(receipt, Ed25519Keys.publicKeyFromPem(
                Files.readString(issued().resolve(KEY_ID + ".public.pem"))))).isTrue();
    }

    @Test
    void theKeyRingSignsItAgainByteForByte() throws Exception {
        Receipt receipt = receipt();
        ReceiptKeyRing ring = ReceiptKeyRing.load(issued(), KEY_ID);
        assertThat(ring.sign(receipt.registrationId(), receipt.opportunityId(), receipt.partnerId(),
                receipt.acceptedAt(), receipt.eventHash())).isEqualTo(receipt);
    }

    /** The string value of the first {@code "name":"…"} (the fixture's fields hold no quotes or escapes). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}

package com.leadledger.command.webhook;

import com.leadledger.integrity.Hashes;
import com.leadledger.kit.domain.RuleViolation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Partners' signing secrets, derived rather than stored: secret = HMAC-SHA256(signing key, partner id + ":" + secret
 * id). Events and tables hold only the secret id, so a reader of the database (or of the event stream) alone cannot
 * sign a delivery; the signing key is configuration ({@code leadledger.webhooks.signing-key}). Changing that key
 * changes every partner's secret: rotate each partner's secret afterwards. Without a key no webhook can be set.
 */
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    /** @param signingKey null or blank: webhooks are off */
    public WebhookSecrets(String signingKey) {
        if (signingKey == null || signingKey.isBlank()) {
            this.key = null;
            return;
        }
        if (signingKey.length() < 32) {
            throw new IllegalStateException("leadledger.webhooks.signing-key must have at least 32 characters "
                    + "(docs/webhooks.md)");
        }
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Refused when no signing key is configured. */
    void requireConfigured() {
        if (key == null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "WEBHOOKS_NOT_CONFIGURED",
                    "Webhooks are not configured on this installation (leadledger.webhooks.signing-key).");
        }
    }

    /** A fresh, unguessable secret id. */
    static String newSecretId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** The secret the partner verifies signatures with. */
    public String secret(String partnerId, String secretId) {
        requireConfigured();
        return "whsec_" + Hashes.hex(hmac(key, partnerId + ":" + secretId));
    }

    static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

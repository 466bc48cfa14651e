package com.leadledger.command.webhook;

import com.leadledger.integrity.Hashes;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code LeadLedger-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>},
 * with one {@code v1} per secret in force (two while a replaced secret is still valid); a receiver accepts the
 * delivery when any {@code v1} matches its secret.
 */
final class WebhookSignature {

    static final String HEADER = "LeadLedger-Signature";

    private WebhookSignature() {
    }

    static String header(long unixSeconds, String body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, unixSeconds, body));
        }
        return header.toString();
    }

    static String sign(String secret, long unixSeconds, String body) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return Hashes.hex(WebhookSecrets.hmac(key, unixSeconds + "." + body));
    }
}

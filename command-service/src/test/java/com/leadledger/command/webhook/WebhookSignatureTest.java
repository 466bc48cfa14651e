package com.leadledger.command.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256OncePerSecretInForce() throws Exception {
        String body = "{\"id\":\"e-1\"}";

        String header = WebhookSignature.header(1764752400L, body, List.of("whsec_new", "whsec_old"));

        assertThat(header).isEqualTo("t=1764752400,v1=" + hmac("whsec_new", "1764752400." + body) + ",v1="
                + hmac("whsec_old", "1764752400." + body));
    }

    @Test
    void derivesADifferentSecretPerPartnerAndSecretIdAndNoneWithoutAKey() {
        WebhookSecrets secrets = new WebhookSecrets("k".repeat(32));

        assertThat(secrets.secret("P-1", "a")).startsWith("whsec_").isEqualTo(secrets.secret("P-1", "a"))
                .isNotEqualTo(secrets.secret("P-2", "a")).isNotEqualTo(secrets.secret("P-1", "b"))
                .isNotEqualTo(new WebhookSecrets("x".repeat(32)).secret("P-1", "a"));
        assertThat(WebhookSecrets.newSecretId()).hasSize(32).isNotEqualTo(WebhookSecrets.newSecretId());
        assertThatThrownBy(() -> new WebhookSecrets(null).secret("P-1", "a"))
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> new WebhookSecrets("short")).hasMessageContaining("32");
    }

    @Test
    void signsWithTheReplacedSecretTooOnlyUntilItsOverlapEnds() {
        Instant rotatedAt = Instant.parse("2026-12-03T09:00:00Z");
        Instant overlapEnd = rotatedAt.plus(Duration.ofHours(24));
        var rotated = new WebhookSubscriptions.Subscription("P-1", "https://93.184.215.14/hooks",
                List.of("registration.approved"), "new", "old", overlapEnd);

        assertThat(rotated.signingSecretIds(rotatedAt)).containsExactly("new", "old");
        assertThat(rotated.signingSecretIds(overlapEnd.minusSeconds(1))).containsExactly("new", "old");
        assertThat(rotated.signingSecretIds(overlapEnd)).containsExactly("new");
        assertThat(rotated.signingSecretIds(overlapEnd.plus(Duration.ofDays(30)))).containsExactly("new");
        assertThat(new WebhookSubscriptions.Subscription("P-1", "https://93.184.215.14/hooks",
                List.of("registration.approved"), "only", null, null).signingSecretIds(rotatedAt))
                .containsExactly("only");
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}

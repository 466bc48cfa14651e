package com.leadledger.localruntime;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTest {

    @Test
    void defaultSecretIsLongEnoughForHs256() {
        assertThat(DevTokens.DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
    }

    @Test
    void partnerTokenIsSignedAndCarriesTheClaims() throws Exception {
        String token = DevTokens.mint("partner-a-user", List.of("PARTNER"), "P-1001");
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(DevTokens.DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.verify(new MACVerifier("another-secret-that-is-also-32-bytes-long!!"))).isFalse();

        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("partner-a-user");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
        assertThat(claims.getStringClaim("partner_id")).isEqualTo("P-1001");
        assertThat(claims.getIssuer()).isEqualTo("leadledger-local");
        assertThat(claims.getAudience()).containsExactly("leadledger");
        assertThat(claims.getIssueTime().toInstant()).isBefore(Instant.now().plusSeconds(1));
        Duration ttl = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(ttl).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void staffTokenHasNoPartnerIdAndHonoursSecretAndTtl() throws Exception {
        String secret = "a-different-secret-of-at-least-32-bytes!";
        String token = DevTokens.mint(secret, "auditor", List.of("AUDITOR", "ADMIN"), null, Duration.ofMinutes(5));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("partner_id");
        assertThat(claims.getStringListClaim("roles")).containsExactly("AUDITOR", "ADMIN");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> DevTokens.mint("short", "x", List.of("ADMIN"), null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}

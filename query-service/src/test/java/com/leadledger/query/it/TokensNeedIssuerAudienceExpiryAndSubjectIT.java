package com.leadledger.query.it;

import com.leadledger.kit.security.TokenProperties;
import com.leadledger.localruntime.DevTokens;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every token must come from the configured issuer, name the configured audience, say who it is for and when it ends;
 * clocks may differ by at most 30 seconds. Otherwise 401, even when the signature is right.
 */
class TokensNeedIssuerAudienceExpiryAndSubjectIT extends QueryServiceITBase {

    private static final String PATH = "/api/v1/registrations";

    @Autowired
    Environment environment;

    /** The loopback rule guards the secret the local profile and the launcher's tokens use, so all three are one. */
    @Test
    void theLocalProfilesDevSecretIsTheDocumentedOne() {
        assertThat(environment.getProperty("leadledger.security.dev-jwt-secret"))
                .isEqualTo(TokenProperties.DOCUMENTED_DEV_SECRET);
        assertThat(DevTokens.DEFAULT_SECRET).isEqualTo(TokenProperties.DOCUMENTED_DEV_SECRET);
    }

    @Test
    void aWellFormedTokenIsAccepted() {
        assertThat(http.get(PATH, signed(claims -> claims)).status()).isEqualTo(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertUnauthenticated(signed(claims -> claims.issuer("someone-else")));
        assertUnauthenticated(signed(claims -> claims.issuer(null)));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertUnauthenticated(signed(claims -> claims.audience("another-service")));
        assertUnauthenticated(signed(claims -> claims.audience((String) null)));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertUnauthenticated(signed(claims -> claims.expirationTime(null)));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertUnauthenticated(signed(claims -> claims.subject(null)));
    }

    @Test
    void anExpiredTokenIsRefusedBeyondThirtySecondsOfSkew() {
        Instant now = Instant.now();
        Date issuedEarlier = Date.from(now.minusSeconds(300));
        assertThat(http.get(PATH, signed(claims -> claims.issueTime(issuedEarlier)
                .expirationTime(Date.from(now.minusSeconds(10))))).status()).as("within the skew").isEqualTo(200);
        assertUnauthenticated(signed(claims -> claims.issueTime(issuedEarlier)
                .expirationTime(Date.from(now.minusSeconds(45)))));
        assertUnauthenticated(signed(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(45)))));
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return DevTokens.sign(DevTokens.DEFAULT_SECRET, change.apply(
                DevTokens.claims("auditor-1", List.of("AUDITOR"), null, Duration.ofMinutes(5))).build());
    }

    private void assertUnauthenticated(String token) {
        var answer = http.get(PATH, token);
        assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        assertThat(answer.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }
}

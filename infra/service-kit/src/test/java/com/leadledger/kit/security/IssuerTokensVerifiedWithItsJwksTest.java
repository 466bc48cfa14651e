package com.leadledger.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Outside the local profile a token is verified with the key its issuer publishes in its JWK set: RSA (RS256,
 * PS256, …) or elliptic-curve (ES256, …), as the issuer signs; never an HMAC; and its claims must hold: issuer,
 * audience, subject, expiry and not-before (each refusal names the rule it broke). A JWK set endpoint that stops answering
 * fails the token within {@link JwtDecoderConfiguration#JWKS_TIMEOUT} instead of holding the request. The end-to-end
 * case, both services against a real issuer, is {@code JwksIssuerIT}.
 */
class IssuerTokensVerifiedWithItsJwksTest {

    private static final String AUDIENCE = "leadledger";

    private final RSAKey rsa = generate(new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE));
    private final ECKey ec = generate(new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256));
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer issuer;

    @BeforeEach
    void startIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks", exchange -> {
            byte[] body = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer.createContext("/stalled-jwks", exchange -> {
            try {
                released.await(); // accepts the connection and never answers while the test runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        issuer.setExecutor(handlers);
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        released.countDown();
        issuer.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void acceptsTheRsaAndEllipticCurveSignaturesTheIssuerPublishesKeysFor() {
        JwtDecoder decoder = decoder("/jwks");

        assertThat(decoder.decode(token(JWSAlgorithm.RS256, rsa.getKeyID(), rsaSigner(rsa)))
                .getSubject()).isEqualTo("caller");
        assertThat(decoder.decode(token(JWSAlgorithm.PS256, rsa.getKeyID(), rsaSigner(rsa)))
                .getSubject()).isEqualTo("caller");
        assertThat(decoder.decode(token(JWSAlgorithm.ES256, ec.getKeyID(), ecSigner(ec))).getSubject())
                .isEqualTo("caller");
    }

    @Test
    void refusesASignatureByAKeyOfAnotherTypeThanTheOneTheTokenNames() {
        JwtDecoder decoder = decoder("/jwks");
        ECKey foreign = generate(new ECKeyGenerator(Curve.P_256).keyID(rsa.getKeyID()));

        assertThatThrownBy(() -> decoder.decode(token(JWSAlgorithm.ES256, rsa.getKeyID(), ecSigner(foreign))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesHmacTokensEvenWithTheDocumentedDevSecret() throws JOSEException {
        JwtDecoder decoder = decoder("/jwks");

        assertThatThrownBy(() -> decoder.decode(token(JWSAlgorithm.HS256, null,
                new MACSigner(TokenProperties.DOCUMENTED_DEV_SECRET.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aJwksEndpointThatStopsAnsweringFailsTheTokenWithinTheTimeout() {
        JwtDecoder decoder = decoder("/stalled-jwks");
        String token = token(JWSAlgorithm.RS256, rsa.getKeyID(), rsaSigner(rsa));

        assertTimeoutPreemptively(JwtDecoderConfiguration.JWKS_TIMEOUT.multipliedBy(3), () ->
                assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class));
    }

    @Test
    void refusesATokenWhoseClaimsBreakTheRulesWithTheRuleItBroke() {
        JwtDecoder decoder = decoder("/jwks");
        Instant expired = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
        Instant notYet = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);

        assertThat(refusal(decoder, c -> c.issueTime(Date.from(expired.minusSeconds(300)))
                .expirationTime(Date.from(expired))))
                .containsExactly("Jwt expired at " + expired);
        assertThat(refusal(decoder, c -> c.notBeforeTime(Date.from(notYet))))
                .containsExactly("Jwt used before " + notYet);
        assertThat(refusal(decoder, c -> c.issuer("https://another-issuer.example")))
                .containsExactly("The iss claim is not valid");
        assertThat(refusal(decoder, c -> c.audience("another-service")))
                .containsExactly("The aud claim is not valid");
        assertThat(refusal(decoder, c -> c.subject(null))).containsExactly("The sub claim is not valid");
        assertThat(refusal(decoder, c -> c.expirationTime(null))).containsExactly("The exp claim is not valid");
    }

    @Test
    void refusesASignatureByAnotherKeyUnderTheIssuersKeyId() {
        JwtDecoder decoder = decoder("/jwks");
        RSAKey impostor = generate(new RSAKeyGenerator(2048).keyID(rsa.getKeyID()));

        assertThatThrownBy(() -> decoder.decode(token(JWSAlgorithm.RS256, rsa.getKeyID(), rsaSigner(impostor))))
                .isInstanceOf(BadJwtException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature");
    }

    /** The descriptions of the rules a token with the changed claims breaks (none: it was accepted). */
    private List<String> refusal(JwtDecoder decoder, UnaryOperator<JWTClaimsSet.Builder> change) {
        String token = token(JWSAlgorithm.RS256, rsa.getKeyID(), rsaSigner(rsa), change);
        try {
            decoder.decode(token);
            return List.of();
        } catch (JwtValidationException refused) {
            return refused.getErrors().stream().map(OAuth2Error::getDescription).toList();
        }
    }

    private JwtDecoder decoder(String jwksPath) {
        String base = "http://127.0.0.1:" + issuer.getAddress().getPort();
        var tokens = new TokenProperties(null, base + jwksPath, base, AUDIENCE, Duration.ofSeconds(30));
        return new JwtDecoderConfiguration().jwtDecoder(tokens, new StandardEnvironment());
    }

    private String token(JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        return token(algorithm, keyId, signer, UnaryOperator.identity());
    }

    private String token(JWSAlgorithm algorithm, String keyId, JWSSigner signer,
                         UnaryOperator<JWTClaimsSet.Builder> change) {
        String base = "http://127.0.0.1:" + issuer.getAddress().getPort();
        Instant now = Instant.now();
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder().issuer(base).audience(AUDIENCE)
                .subject("caller").claim("roles", List.of("AUDITOR")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECDSASigner ecSigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <K extends JWK> K generate(JWKGenerator<K> generator) {
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

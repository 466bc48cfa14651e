package com.leadledger.kit.security;

import com.leadledger.kit.testapp.KitApplicationTestBase;
import com.leadledger.localruntime.DevTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token over real HTTP through the services' security chain, verified as in the local profile (HS256 with the
 * dev secret; the issuer's JWK set is {@link IssuerTokensVerifiedWithItsJwksTest}): one that is expired, not yet
 * valid, from another issuer, for another audience, without subject or expiry, signed with another algorithm or
 * another key is 401 {@code UNAUTHENTICATED} (docs/api.md, "Authentication"; docs/security.md, "Tokens"); a valid one
 * authenticates its subject with the roles of its {@code roles} claim (and Spring Security's mark of a bearer token,
 * {@code FACTOR_BEARER}) and, for a partner, its {@code partner_id}.
 */
class BearerTokensOverHttpIT extends KitApplicationTestBase {

    private static final String UNAUTHENTICATED = """
            {"type":"urn:leadledger:problem:unauthenticated","title":"Unauthorized","status":401,
             "detail":"A valid bearer token is required.","code":"UNAUTHENTICATED","errors":[]}""";

    @Test
    void aValidPartnerTokenAuthenticatesThePartner() {
        Answer me = get("/probe/me").token(token("alice", List.of("PARTNER"), "P-7")).from(uniqueAddress()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(JSON.readTree("""
                {"subject":"alice","roles":["PARTNER"],"partnerId":"P-7","authorities":["FACTOR_BEARER","ROLE_PARTNER"]}"""));
    }

    @Test
    void aValidStaffTokenAuthenticatesItsRolesAndNoPartnerAndIgnoresUnknownRoles() {
        Answer me = get("/probe/me")
                .token(token("bob", List.of("CHANNEL_MANAGER", "AUDITOR", "SUPERUSER"), "P-7"))
                .from(uniqueAddress()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(JSON.readTree("""
                {"subject":"bob","roles":["AUDITOR","CHANNEL_MANAGER"],"partnerId":null,
                 "authorities":["FACTOR_BEARER","ROLE_AUDITOR","ROLE_CHANNEL_MANAGER"]}"""));
    }

    @Test
    void aPartnerTokenWithoutPartnerIdActsForNoPartner() {
        String token = token("carol", List.of("PARTNER"), null);

        Answer me = get("/probe/me").token(token).from(uniqueAddress()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(JSON.readTree("""
                {"subject":"carol","roles":["PARTNER"],"partnerId":null,"authorities":["FACTOR_BEARER"]}"""));
        assertProblem(get("/probe/partners-only").token(token).from(uniqueAddress()).send(), 403, """
                {"type":"urn:leadledger:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"Your role may not do this.","code":"FORBIDDEN","errors":[]}""");
        assertThat(get("/probe/partners-only").token(token("dave", List.of("PARTNER"), "P-8")).from(uniqueAddress())
                .send().status()).isEqualTo(200);
    }

    @Test
    void theTokenTheRefusalsStartFromAndOneWithinTheThirtySecondsOfClockSkewAreAccepted() {
        Instant now = Instant.now();
        assertThat(status(sign(claims().build()))).isEqualTo(200);
        assertThat(status(sign(claims().issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(10))).build())))
                .as("expired 10 s ago").isEqualTo(200);
        assertThat(status(sign(claims().notBeforeTime(Date.from(now.plusSeconds(10))).build())))
                .as("valid in 10 s").isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant now = Instant.now();
        assertRefused(sign(claims().issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(120))).build()));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertRefused(sign(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(120))).build()));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertRefused(sign(claims().issuer(DevTokens.ISSUER).build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(sign(claims().audience("another-service").build()));
        assertRefused(sign(claims().audience((String) null).build()));
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertRefused(sign(claims().subject(null).build()));
        assertRefused(sign(claims().subject(" ").build()));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(sign(claims().expirationTime(null).build()));
    }

    @Test
    void aTokenSignedWithAnotherAlgorithmIsRefused() throws JOSEException {
        assertRefused(signed(JWSAlgorithm.HS512, SECRET + SECRET, claims().build()));
        assertRefused(new PlainJWT(claims().build()).serialize());
    }

    @Test
    void aTokenWithABadSignatureIsRefused() throws JOSEException {
        assertRefused(signed(JWSAlgorithm.HS256, "another-secret-of-at-least-thirty-two-bytes", claims().build()));
        String valid = sign(claims().build());
        String otherClaims = sign(claims().subject("mallory").build());
        String forged = otherClaims.substring(0, otherClaims.lastIndexOf('.')) + valid.substring(valid.lastIndexOf('.'));
        assertRefused(forged);
    }

    /** The claims of a valid partner token of this application's issuer and audience. */
    private static JWTClaimsSet.Builder claims() {
        return DevTokens.claims("erin", List.of("PARTNER"), "P-9", Duration.ofMinutes(10)).issuer(ISSUER);
    }

    private static String sign(JWTClaimsSet claims) {
        return DevTokens.sign(SECRET, claims);
    }

    private static String signed(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private int status(String token) {
        return get("/probe/me").token(token).from(uniqueAddress()).send().status();
    }

    private void assertRefused(String token) {
        Answer answer = get("/probe/me").token(token).from(uniqueAddress()).send();
        assertProblem(answer, 401, UNAUTHENTICATED);
    }
}

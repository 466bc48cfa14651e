package com.leadledger.localruntime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints HS256-signed JWTs for local development and tests, in the shape both services read: {@code sub},
 * {@code roles} (array of role names), {@code partner_id} (partners only), {@code iat}, {@code exp},
 * {@code iss = leadledger-local}, {@code aud = leadledger} (the local profile's issuer and audience).
 */
public final class DevTokens {

    /** The shared local-profile secret (UTF-8, at least 32 bytes as HS256 requires). */
    public static final String DEFAULT_SECRET = "leadledger-local-dev-secret-change-me-32+bytes!";
    public static final String ISSUER = "leadledger-local";
    public static final String AUDIENCE = "leadledger";
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    public static final int MIN_SECRET_BYTES = 32;

    private DevTokens() {
    }

    /** A token signed with {@link #DEFAULT_SECRET}, valid for 12 hours. */
    public static String mint(String subject, List<String> roles, String partnerIdOrNull) {
        return mint(DEFAULT_SECRET, subject, roles, partnerIdOrNull, DEFAULT_TTL);
    }

    public static String mint(String secret, String subject, List<String> roles, String partnerIdOrNull, Duration ttl) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(ttl, "ttl");
        return sign(secret, claims(subject, roles, partnerIdOrNull, ttl).build());
    }

    /** The claims {@link #mint} signs, to be changed before {@link #sign} (tests of refused tokens). */
    public static JWTClaimsSet.Builder claims(String subject, List<String> roles, String partnerIdOrNull,
                                              Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (partnerIdOrNull != null) {
            claims.claim("partner_id", partnerIdOrNull);
        }
        return claims;
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES
                    + " bytes, this one has " + key.length);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a dev token", e);
        }
        return jwt.serialize();
    }
}

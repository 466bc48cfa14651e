package com.leadledger.kit.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How callers' tokens are verified: with the issuer's JWKS in every real deployment, or, in the local profile only,
 * with a shared HS256 dev secret. Every token must come from {@code issuer}, name {@code audience} in {@code aud},
 * carry {@code sub} and {@code exp}, and be valid within {@code clockSkew}.
 *
 * @param devJwtSecret the HS256 secret of the local profile (at least 32 bytes); empty elsewhere
 * @param jwksUri      the token issuer's JWKS URL ({@code LEADLEDGER_JWT_JWKS_URI})
 * @param issuer       the only accepted {@code iss} ({@code LEADLEDGER_JWT_ISSUER})
 * @param audience     the audience every token must name in {@code aud} ({@code LEADLEDGER_JWT_AUDIENCE})
 * @param clockSkew    tolerance on {@code exp}/{@code nbf}; at most 30 seconds
 */
@ConfigurationProperties("leadledger.security")
@Validated
public record TokenProperties(String devJwtSecret, String jwksUri,
                              @NotBlank(message = "set LEADLEDGER_JWT_ISSUER to the token issuer's iss") String issuer,
                              @NotBlank(message = "set LEADLEDGER_JWT_AUDIENCE to the audience tokens must name")
                              String audience,
                              @DefaultValue("30s") @DurationMin(seconds = 0) @DurationMax(seconds = 30)
                              Duration clockSkew) {

    /**
     * The dev secret documented in the README and built into the local profile: anyone can read it, so a service
     * using it answers only on the loopback interface.
     */
    public static final String DOCUMENTED_DEV_SECRET = "leadledger-local-dev-secret-change-me-32+bytes!";

    @AssertTrue(message = "no way to verify tokens is configured: set LEADLEDGER_JWT_JWKS_URI to the token issuer's "
            + "JWKS URL, or run the local profile with its dev secret (LEADLEDGER_DEV_JWT_SECRET)")
    public boolean isTokenVerificationConfigured() {
        return hasDevSecret() || hasJwksUri();
    }

    @AssertTrue(message = "both an HS256 dev secret (LEADLEDGER_DEV_JWT_SECRET) and a JWKS URL "
            + "(LEADLEDGER_JWT_JWKS_URI) are set: a service verifies tokens one way only; drop the dev secret")
    public boolean isOneWayToVerifyTokens() {
        return !(hasDevSecret() && hasJwksUri());
    }

    public boolean hasDevSecret() {
        return devJwtSecret != null && !devJwtSecret.isBlank();
    }

    public boolean hasJwksUri() {
        return jwksUri != null && !jwksUri.isBlank();
    }

    public boolean usesDocumentedDevSecret() {
        return DOCUMENTED_DEV_SECRET.equals(devJwtSecret);
    }
}

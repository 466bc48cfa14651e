package com.leadledger.kit.security;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How callers' tokens are verified: with the issuer's JWKS in every real deployment, or, in the local profile, with a
 * shared HS256 dev secret. A service with neither does not start.
 *
 * @param devJwtSecret the HS256 secret of the local profile (at least 32 bytes); empty elsewhere
 * @param jwksUri      the token issuer's JWKS URL ({@code LEADLEDGER_JWT_JWKS_URI})
 */
@ConfigurationProperties("leadledger.security")
@Validated
public record TokenProperties(String devJwtSecret, String jwksUri) {

    @AssertTrue(message = "no way to verify tokens is configured: set LEADLEDGER_JWT_JWKS_URI to the token issuer's "
            + "JWKS URL, or run the local profile with its dev secret (LEADLEDGER_DEV_JWT_SECRET)")
    public boolean isTokenVerificationConfigured() {
        return hasDevSecret() || jwksUri != null && !jwksUri.isBlank();
    }

    public boolean hasDevSecret() {
        return devJwtSecret != null && !devJwtSecret.isBlank();
    }
}

package com.leadledger.query.audit;

import com.leadledger.kit.security.TokenProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The local profile's service token: a five-minute AUDITOR token signed with the shared dev secret. */
final class LocalServiceToken implements ServiceToken {

    private final TokenProperties tokens;

    LocalServiceToken(TokenProperties tokens) {
        this.tokens = tokens;
    }

    @Override
    public String bearer() {
        Instant now = Instant.now();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject("query-service").issuer(tokens.issuer()).audience(tokens.audience())
                    .claim("roles", List.of("AUDITOR"))
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
            jwt.sign(new MACSigner(tokens.devJwtSecret().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new CommandAuditClient.Unavailable("cannot mint a service token: " + e.getMessage(), e);
        }
    }
}

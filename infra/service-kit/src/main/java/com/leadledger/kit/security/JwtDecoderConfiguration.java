package com.leadledger.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token decoder of both services: HS256 with the local profile's dev secret, else the issuer's JWKS
 * ({@link TokenProperties}; a service configured with neither fails at startup).
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(TokenProperties.class)
public class JwtDecoderConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    @Bean
    JwtDecoder jwtDecoder(TokenProperties tokens) {
        if (!tokens.hasDevSecret()) {
            return NimbusJwtDecoder.withJwkSetUri(tokens.jwksUri()).build();
        }
        byte[] bytes = tokens.devJwtSecret().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("leadledger.security.dev-jwt-secret must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(bytes, JWSAlgorithm.HS256.getName()))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }
}

package com.leadledger.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * Local profile: tokens are HS256-signed with a shared dev secret ({@code leadledger.security.dev-jwt-secret}).
 * Without that property Spring Boot's own resource-server configuration applies (an issuer's JWKS).
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
public class JwtDecoderConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    @Bean
    @ConditionalOnProperty("leadledger.security.dev-jwt-secret")
    JwtDecoder devHmacJwtDecoder(org.springframework.core.env.Environment env) {
        String secret = env.getRequiredProperty("leadledger.security.dev-jwt-secret");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("leadledger.security.dev-jwt-secret must be at least "
                    + MIN_SECRET_BYTES + " bytes for HS256");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(bytes, JWSAlgorithm.HS256.getName()))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }
}

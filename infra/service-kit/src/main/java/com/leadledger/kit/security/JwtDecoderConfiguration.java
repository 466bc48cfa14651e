package com.leadledger.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token decoder of both services: the issuer's JWKS (RSA or elliptic-curve signatures), or HS256 with a dev secret
 * in the local profile only ({@link TokenProperties}). Either way a token must name the configured issuer and audience
 * and carry {@code sub} and {@code exp}.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties({TokenProperties.class, ApiDocsProperties.class})
public class JwtDecoderConfiguration {

    static final int MIN_SECRET_BYTES = 32;
    static final String LOCAL_PROFILE = "local";
    /**
     * The signatures an issuer may use: RSA and elliptic-curve, never an HMAC. The key a token names must be of the
     * algorithm's type, and where the JWK set gives a key an {@code alg}, of that algorithm.
     */
    static final Set<SignatureAlgorithm> ISSUER_ALGORITHMS = EnumSet.of(SignatureAlgorithm.RS256,
            SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384,
            SignatureAlgorithm.PS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);
    /** Connecting to the issuer's JWK set and reading it; the request that needs it waits no longer. */
    static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    JwtDecoder jwtDecoder(TokenProperties tokens, Environment environment) {
        NimbusJwtDecoder decoder = tokens.hasDevSecret()
                ? devSecretDecoder(tokens, environment)
                : NimbusJwtDecoder.withJwkSetUri(tokens.jwksUri())
                        .jwsAlgorithms(algorithms -> algorithms.addAll(ISSUER_ALGORITHMS))
                        .restOperations(jwksClient())
                        .build();
        decoder.setJwtValidator(validator(tokens));
        return new VerifiedTokenCache(decoder);
    }

    static OAuth2TokenValidator<Jwt> validator(TokenProperties tokens) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(tokens.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                new JwtIssuerValidator(tokens.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(tokens.audience())));
    }

    private static RestTemplate jwksClient() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(JWKS_TIMEOUT);
        requests.setReadTimeout(JWKS_TIMEOUT);
        return new RestTemplate(requests);
    }

    private static NimbusJwtDecoder devSecretDecoder(TokenProperties tokens, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            throw new IllegalStateException("leadledger.security.dev-jwt-secret (LEADLEDGER_DEV_JWT_SECRET) is set "
                    + "outside the local profile: HS256 dev tokens are accepted only there; configure "
                    + "LEADLEDGER_JWT_JWKS_URI instead");
        }
        String bindAddress = environment.getProperty("server.address");
        if (tokens.usesDocumentedDevSecret() && !isLoopback(bindAddress)) {
            throw new IllegalStateException("the documented dev secret is in use while the service listens on "
                    + (bindAddress == null || bindAddress.isBlank() ? "every interface" : bindAddress)
                    + ": anyone could mint tokens; bind to 127.0.0.1 (LEADLEDGER_BIND_ADDRESS) or set your own "
                    + "LEADLEDGER_DEV_JWT_SECRET");
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

    private static boolean isLoopback(String bindAddress) {
        if (bindAddress == null || bindAddress.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package com.leadledger.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A known HS256 secret must never verify tokens outside a laptop: the dev secret works only in the local profile,
 * never beside a JWKS URL, and the documented default only while the service listens on loopback.
 */
class HmacDevSecretOnlyLocalAndOnLoopbackTest {

    private static final String OWN_SECRET = "an-operators-own-secret-of-32-bytes-or-more";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JwtDecoderConfiguration.class))
            .withPropertyValues("leadledger.security.issuer=leadledger-local",
                    "leadledger.security.audience=leadledger");

    @Test
    void cannotUseADevSecretOutsideTheLocalProfile() {
        for (String profile : new String[] {"", "prod", "staging"}) {
            service.withPropertyValues("spring.profiles.active=" + profile,
                            "leadledger.security.dev-jwt-secret=" + OWN_SECRET)
                    .run(context -> {
                        assertThat(context).as(profile).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("outside the local profile");
                    });
        }
    }

    @Test
    void cannotUseADevSecretBesideAJwksUrl() {
        service.withPropertyValues("spring.profiles.active=local", "server.address=127.0.0.1",
                        "leadledger.security.dev-jwt-secret=" + OWN_SECRET,
                        "leadledger.security.jwks-uri=https://issuer.example/jwks")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("LEADLEDGER_DEV_JWT_SECRET")
                            .hasMessageContaining("LEADLEDGER_JWT_JWKS_URI");
                });
    }

    @Test
    void cannotUseTheDocumentedSecretWhileListeningBeyondLoopback() {
        for (String address : new String[] {null, "0.0.0.0", "::"}) {
            ApplicationContextRunner bound = address == null ? service
                    : service.withPropertyValues("server.address=" + address);
            bound.withPropertyValues("spring.profiles.active=local",
                            "leadledger.security.dev-jwt-secret=" + TokenProperties.DOCUMENTED_DEV_SECRET)
                    .run(context -> {
                        assertThat(context).as(String.valueOf(address)).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .hasMessageContaining("documented dev secret")
                                .hasMessageContaining("LEADLEDGER_BIND_ADDRESS");
                    });
        }
    }

    @Test
    void canUseTheDocumentedSecretOnLoopbackInTheLocalProfile() {
        for (String address : new String[] {"127.0.0.1", "localhost", "::1"}) {
            service.withPropertyValues("spring.profiles.active=local", "server.address=" + address,
                            "leadledger.security.dev-jwt-secret=" + TokenProperties.DOCUMENTED_DEV_SECRET)
                    .run(context -> assertThat(context).as(address).hasSingleBean(JwtDecoder.class));
        }
    }

    @Test
    void canUseItsOwnSecretOnEveryInterfaceInTheLocalProfile() {
        service.withPropertyValues("spring.profiles.active=local", "server.address=0.0.0.0",
                        "leadledger.security.dev-jwt-secret=" + OWN_SECRET)
                .run(context -> assertThat(context).hasSingleBean(JwtDecoder.class));
    }

    @Test
    void canVerifyWithTheIssuersJwksInAnyProfile() {
        service.withPropertyValues("spring.profiles.active=prod", "server.address=0.0.0.0",
                        "leadledger.security.jwks-uri=https://issuer.example/jwks")
                .run(context -> assertThat(context).hasSingleBean(JwtDecoder.class));
    }
}

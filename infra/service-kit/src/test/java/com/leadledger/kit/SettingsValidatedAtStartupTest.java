package com.leadledger.kit;

import com.leadledger.kit.limits.LimitsConfiguration;
import com.leadledger.kit.limits.RateLimitProperties;
import com.leadledger.kit.security.JwtDecoderConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with a missing or senseless setting does not start, and says which setting is wrong. */
class SettingsValidatedAtStartupTest {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, JacksonAutoConfiguration.class,
                    JwtDecoderConfiguration.class, LimitsConfiguration.class))
            .withPropertyValues("leadledger.security.issuer=https://issuer.example",
                    "leadledger.security.audience=leadledger");

    @Test
    void cannotStartWithoutAWayToVerifyTokens() {
        services.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("leadledger.security")
                    .hasMessageContaining("LEADLEDGER_JWT_JWKS_URI");
        });
    }

    @Test
    void canStartWithTheIssuersJwksOrTheLocalDevSecret() {
        services.withPropertyValues("leadledger.security.jwks-uri=https://issuer.example/jwks")
                .run(context -> assertThat(context).hasSingleBean(JwtDecoder.class));
        services.withPropertyValues("leadledger.security.dev-jwt-secret=" + "s".repeat(32),
                        "spring.profiles.active=local")
                .run(context -> assertThat(context).hasSingleBean(JwtDecoder.class));
    }

    @Test
    void cannotStartWithoutIssuerOrAudience() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        JwtDecoderConfiguration.class))
                .withPropertyValues("leadledger.security.jwks-uri=https://issuer.example/jwks")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("LEADLEDGER_JWT_ISSUER")
                            .hasMessageContaining("LEADLEDGER_JWT_AUDIENCE");
                });
    }

    @Test
    void cannotStartWithAClockSkewAboveThirtySeconds() {
        services.withPropertyValues("leadledger.security.jwks-uri=https://issuer.example/jwks",
                        "leadledger.security.clock-skew=31s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("clockSkew");
                });
    }

    @Test
    void cannotStartWithASettingOutOfRange() {
        services.withPropertyValues("leadledger.security.jwks-uri=https://issuer.example/jwks",
                        "leadledger.rate-limit.per-second=-1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("leadledger.rate-limit")
                            .hasMessageContaining("perSecond");
                });
    }

    @Test
    void canReadTheDocumentedDefaults() {
        services.withPropertyValues("leadledger.security.jwks-uri=https://issuer.example/jwks")
                .run(context -> assertThat(context.getBean(RateLimitProperties.class))
                        .isEqualTo(new RateLimitProperties(50, 100, 100, 200, 20, 40, 10_000)));
    }
}

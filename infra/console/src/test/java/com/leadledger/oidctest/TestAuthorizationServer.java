package com.leadledger.oidctest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * A real OpenID Connect provider for the console's sign-in test: Spring Authorization Server with one public client
 * ({@code console}, PKCE required) and one user, whose tokens carry {@code roles} as the organisation's provider would.
 * Outside the console's packages, so that nothing of the console's configuration is scanned into it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestAuthorizationServer {

    public static final String CLIENT_ID = "console";
    public static final String USER = "auditor-oidc";
    public static final String PASSWORD = "a-test-password";

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD)
                .roles("USER").build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> apiClaims() {
        return context -> context.getClaims().claim("roles", List.of("AUDITOR"));
    }

    /** Starts it on a free port, with the console at {@code consoleBaseUrl} as its only client. */
    public static ConfigurableApplicationContext start(String consoleBaseUrl) {
        String client = "--spring.security.oauth2.authorizationserver.client.console.";
        return new SpringApplicationBuilder(TestAuthorizationServer.class).run(
                "--spring.config.name=no-application-file",
                // the console is on the test class path: not in the provider
                "--leadledger.console.enabled=false",
                "--server.port=0",
                client + "registration.client-id=console",
                client + "registration.client-authentication-methods=none",
                client + "registration.authorization-grant-types=authorization_code,refresh_token",
                client + "registration.redirect-uris=" + consoleBaseUrl + "/console/login/oauth2/code/leadledger",
                client + "registration.scopes=openid,profile",
                client + "require-proof-key=true",
                client + "require-authorization-consent=false");
    }

    public static String issuer(ConfigurableApplicationContext server) {
        return "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
    }
}

package com.leadledger.console.signin;

import com.leadledger.console.ConsolePaths;
import com.leadledger.console.ConsoleProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's own filter chain, for its paths only and ahead of the application's (the query API's stateless
 * bearer-token chain): sessions, CSRF on every form, a strict Content-Security-Policy (no inline script or style), and the sign-in: the
 * demo identities in the local profile, OpenID Connect (authorization code with PKCE) wherever a provider is set.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Ahead of the application's chains, which match every path. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    static final String SIGN_IN = "/console/sign-in";
    static final String AUTHORIZATION_BASE = "/console/oauth2/authorization";
    static final String REDIRECTION = "/console/login/oauth2/code/*";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain console(HttpSecurity http, Environment environment, ConsoleProperties properties,
                                SecurityContextRepository contexts,
                                ObjectProvider<ClientRegistrationRepository> registrations) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        if (!local && !properties.oidc().configured()) {
            throw new IllegalStateException("outside the local profile the console signs users in with OpenID "
                    + "Connect: set LEADLEDGER_CONSOLE_OIDC_ISSUER_URI and LEADLEDGER_CONSOLE_OIDC_CLIENT_ID");
        }
        http.securityMatcher(ConsolePaths::isConsole)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/static/**", SIGN_IN, SIGN_IN + "/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl(SIGN_IN));
        if (properties.oidc().configured()) {
            ClientRegistrationRepository clients = registrations.getObject();
            DefaultOAuth2AuthorizationRequestResolver resolver =
                    new DefaultOAuth2AuthorizationRequestResolver(clients, AUTHORIZATION_BASE);
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage(SIGN_IN)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri(REDIRECTION))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new AccessTokenClaims()))
                    .defaultSuccessUrl("/console/", true));
        }
        return http.build();
    }
}

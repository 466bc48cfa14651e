package com.leadledger.console.signin;

import com.leadledger.console.ConsoleProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/** The organisation's OpenID Connect provider, when {@code leadledger.console.oidc.issuer-uri} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${leadledger.console.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    static final String REGISTRATION_ID = "leadledger";

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        ConsoleProperties.Oidc oidc = properties.oidc();
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        scopes.addAll(oidc.scopes());
        boolean publicClient = oidc.clientSecret() == null || oidc.clientSecret().isBlank();
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(publicClient ? null : oidc.clientSecret())
                .clientAuthenticationMethod(publicClient ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .scope(scopes)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}

package com.leadledger.query.audit;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.util.Arrays;

/**
 * Asks the token issuer for an AUDITOR token by the OAuth2 client-credentials grant, and reuses it until shortly before
 * it expires (Spring Security's authorized-client manager).
 */
final class ClientCredentialsServiceToken implements ServiceToken {

    private static final String REGISTRATION = "command-service";
    private static final String PRINCIPAL = "query-service";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    ClientCredentialsServiceToken(CommandServiceProperties.Client client) {
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .tokenUri(client.tokenUri());
        if (client.scope() != null && !client.scope().isBlank()) {
            registration.scope(Arrays.asList(client.scope().trim().split("\\s+")));
        }
        var registrations = new InMemoryClientRegistrationRepository(registration.build());
        manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    }

    @Override
    public String bearer() {
        OAuth2AuthorizedClient authorized;
        try {
            authorized = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(PRINCIPAL).build());
        } catch (RuntimeException e) {
            throw new CommandAuditClient.Unavailable("the token issuer refused the client credentials: "
                    + e.getMessage(), e);
        }
        if (authorized == null) {
            throw new CommandAuditClient.Unavailable("the token issuer gave no token for the client credentials", null);
        }
        return authorized.getAccessToken().getTokenValue();
    }
}

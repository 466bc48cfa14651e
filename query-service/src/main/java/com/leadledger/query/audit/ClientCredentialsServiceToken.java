package com.leadledger.query.audit;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.Arrays;

/**
 * Asks the token issuer for an AUDITOR token by the OAuth2 client-credentials grant, and reuses it until shortly before
 * it expires (Spring Security's authorized-client manager). The token request gives up after the command client's
 * timeout: Spring's default token client would wait for a stalled issuer forever.
 */
final class ClientCredentialsServiceToken implements ServiceToken {

    private static final String REGISTRATION = "command-service";
    private static final String PRINCIPAL = "query-service";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    ClientCredentialsServiceToken(CommandServiceProperties.Client client, Duration timeout) {
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
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenClient(timeout)))
                .build());
    }

    /** Spring Security's client-credentials token client, as it builds it, with connect and read timeouts. */
    private static RestClientClientCredentialsTokenResponseClient tokenClient(Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return tokenClient;
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

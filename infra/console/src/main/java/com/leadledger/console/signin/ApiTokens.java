package com.leadledger.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's bearer token for the API, kept server-side in the HTTP session: the local profile's dev token
 * is the authentication's credentials; an OpenID Connect user's access token is its authorized client (refreshed when
 * the provider gave a refresh token).
 */
@Component
public class ApiTokens {

    private final ObjectProvider<OAuth2AuthorizedClientManager> clients;

    ApiTokens(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        this.clients = clients;
    }

    public String of(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            OAuth2AuthorizedClient client = clients.getObject().authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(oidc.getAuthorizedClientRegistrationId()).principal(oidc)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
            if (client == null) {
                throw new SignInExpired();
            }
            return client.getAccessToken().getTokenValue();
        }
        if (authentication != null && authentication.getCredentials() instanceof String token) {
            return token;
        }
        throw new SignInExpired();
    }
}

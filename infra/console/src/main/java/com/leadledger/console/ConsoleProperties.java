package com.leadledger.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The console's settings.
 *
 * @param enabled      whether the application serves the console at all
 * @param queryUrl     the query service the pages read from; none: the query service serving the console
 * @param commandUrl   the command service the forms write through
 * @param apiTimeout   how long one call to either service may take
 * @param devJwtSecret local profile only: the HS256 secret the demo identities' tokens are signed with (the services'
 *                     {@code LEADLEDGER_DEV_JWT_SECRET})
 * @param oidc         every other profile: the organisation's OpenID Connect provider
 */
@ConfigurationProperties("leadledger.console")
public record ConsoleProperties(
        @DefaultValue("true") boolean enabled,
        URI queryUrl,
        @DefaultValue("http://localhost:8081") URI commandUrl,
        @DefaultValue("10s") Duration apiTimeout,
        String devJwtSecret,
        @DefaultValue Oidc oidc) {

    /**
     * @param issuerUri    the provider's issuer (its discovery document is read at start)
     * @param clientId     the console's client at the provider
     * @param clientSecret its secret (empty for a public client; PKCE is used either way)
     * @param scopes       scopes asked for besides {@code openid}
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue("profile") List<String> scopes) {

        public boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}

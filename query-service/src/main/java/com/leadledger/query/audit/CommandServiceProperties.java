package com.leadledger.query.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Where the query service reads the command side's checkpoints and extent (verification, reconciliation), and how it
 * gets its AUDITOR token there.
 *
 * @param url     the command service ({@code LEADLEDGER_COMMAND_URL})
 * @param client  the OAuth2 client credentials it asks the token issuer with; outside the local profile required
 * @param timeout how long one call may take
 */
@ConfigurationProperties("leadledger.command")
@Validated
public record CommandServiceProperties(
        @NotBlank @DefaultValue("http://localhost:8081") String url,
        @Valid @DefaultValue Client client,
        @NotNull @DefaultValue("10s") Duration timeout) {

    /**
     * An OAuth2 client of the token issuer allowed the client-credentials grant, whose tokens carry the AUDITOR role
     * for the command service's audience.
     *
     * @param tokenUri     the issuer's token endpoint ({@code LEADLEDGER_COMMAND_TOKEN_URI})
     * @param clientId     {@code LEADLEDGER_COMMAND_CLIENT_ID}
     * @param clientSecret {@code LEADLEDGER_COMMAND_CLIENT_SECRET}
     * @param scope        space-separated scopes to ask for, if the issuer wants any ({@code LEADLEDGER_COMMAND_CLIENT_SCOPE})
     */
    public record Client(String tokenUri, String clientId, String clientSecret, String scope) {

        boolean isConfigured() {
            return present(tokenUri) && present(clientId) && present(clientSecret);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}

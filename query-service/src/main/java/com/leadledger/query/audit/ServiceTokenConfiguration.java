package com.leadledger.query.audit;

import com.leadledger.kit.security.TokenProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses how the query service authenticates to the command side: OAuth2 client credentials wherever tokens come from
 * an issuer's JWKS, the dev secret only where the service itself verifies HS256 dev tokens (the local profile).
 */
@Configuration
class ServiceTokenConfiguration {

    @Bean
    ServiceToken serviceToken(CommandServiceProperties commandService, TokenProperties tokens) {
        if (tokens.hasDevSecret()) {
            return new LocalServiceToken(tokens);
        }
        if (!commandService.client().isConfigured()) {
            throw new IllegalStateException("leadledger.command.client is incomplete: set LEADLEDGER_COMMAND_TOKEN_URI, "
                    + "LEADLEDGER_COMMAND_CLIENT_ID and LEADLEDGER_COMMAND_CLIENT_SECRET (an OAuth2 client allowed the "
                    + "client-credentials grant whose tokens carry the AUDITOR role)");
        }
        return new ClientCredentialsServiceToken(commandService.client(), commandService.timeout());
    }
}

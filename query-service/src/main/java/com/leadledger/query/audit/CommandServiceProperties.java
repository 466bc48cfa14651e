package com.leadledger.query.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Where the query service reads the command side's checkpoints and extent (verification, reconciliation).
 *
 * @param url     the command service ({@code LEADLEDGER_COMMAND_URL})
 * @param token   a bearer token with the AUDITOR role there ({@code LEADLEDGER_COMMAND_TOKEN}); when empty, the local
 *                profile mints one with its dev secret
 * @param timeout how long one call may take
 */
@ConfigurationProperties("leadledger.command")
@Validated
public record CommandServiceProperties(
        @NotBlank @DefaultValue("http://localhost:8081") String url,
        String token,
        @NotNull @DefaultValue("10s") Duration timeout) {
}

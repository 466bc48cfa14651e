package com.leadledger.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Whether the OpenAPI document and Swagger UI answer anonymous callers ({@code leadledger.api-docs.public}): true in
 * the local profile, false elsewhere, where they need a token.
 */
@ConfigurationProperties("leadledger.api-docs")
public record ApiDocsProperties(@Name("public") @DefaultValue("false") boolean publicAccess) {
}

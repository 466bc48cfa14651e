package com.leadledger.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The parts of both services' OpenAPI documents that are the same: version, contact, licence, the bearer JWT scheme,
 * the Problem schema and the problem responses of every operation. Active in a service that declares its
 * {@link ApiDescription}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnBean(ApiDescription.class)
public class OpenApiConfiguration {

    static {
        // A Jackson tree in a response (an event's payload, its metadata) is any JSON object, not the node's getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().description("A JSON object, as stored."));
    }

    @Bean
    OpenAPI leadLedgerOpenApi(ApiDescription api, ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return new OpenAPI()
                .info(new Info()
                        .title(api.title())
                        .version(version)
                        .description(api.description())
                        .contact(new Contact().name("Lead Ledger channel programme team")
                                .email("channel-api@leadledger.example"))
                        .license(new License().name("Proprietary: Lead Ledger licence terms")
                                .identifier("LicenseRef-LeadLedger-Proprietary")))
                // relative: the document describes the service that serves it, whatever its address
                .addServersItem(new Server().url("/").description("The service serving this document"))
                .components(new Components()
                        .addSecuritySchemes(ProblemResponses.BEARER_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("A JWT with sub, roles, partner_id (partners), iss, aud and exp. "
                                        + "Locally: a token from the launcher's tokens.env, pasted without "
                                        + "the 'Bearer ' prefix.")));
    }

    @Bean
    OperationCustomizer leadLedgerOperationTexts() {
        return OperationTexts::customize;
    }

    @Bean
    PropertyCustomizer leadLedgerStringShapedNumbers() {
        return new StringShapedNumbers();
    }

    @Bean
    OpenApiCustomizer leadLedgerDocumentCompletion(ApiDescription api) {
        return new DocumentCompletion(api);
    }
}

package com.leadledger.command.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The request example of {@code publishPolicy} in the OpenAPI document: the policy this version ships. */
@Component
class PolicyRequestExample implements OperationCustomizer {

    static final String SHIPPED = "/policy/default-policy.json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!"publishPolicy".equals(operation.getOperationId()) || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return operation;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json != null) {
            json.setExample(shipped());
        }
        return operation;
    }

    private static Map<?, ?> shipped() {
        try (InputStream in = PolicyRequestExample.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not on the class path");
            }
            return new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.leadledger.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;

/**
 * Documents what {@link RecordedEventIdsAdvice} adds: {@code eventId} and {@code eventIds} in the success answer of
 * every write (POST) operation, on the answer's own schema.
 */
@Component
class RecordedEventIdsDocumentation implements OpenApiCustomizer {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> components = openApi.getComponents() == null ? Map.of()
                : Objects.requireNonNullElse(openApi.getComponents().getSchemas(), Map.of());
        openApi.getPaths().values().stream().map(PathItem::getPost).filter(Objects::nonNull)
                .map(Operation::getResponses).filter(Objects::nonNull)
                .flatMap(responses -> responses.entrySet().stream())
                .filter(response -> response.getKey().startsWith("2"))
                .map(Map.Entry::getValue).map(ApiResponse::getContent).filter(Objects::nonNull)
                .flatMap(content -> content.values().stream())
                .map(mediaType -> resolved(mediaType.getSchema(), components)).filter(Objects::nonNull)
                .forEach(RecordedEventIdsDocumentation::addRecordedEventIds);
    }

    private static Schema<?> resolved(Schema<?> schema, Map<String, Schema> components) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        return components.get(schema.get$ref().substring(REF_PREFIX.length()));
    }

    private static void addRecordedEventIds(Schema<?> answer) {
        answer.addProperty("eventId", new StringSchema().nullable(true)
                .description("Id of the first event the write recorded (null if it recorded none); "
                        + "audit: GET /api/v1/audit/events?aggregateId="));
        answer.addProperty("eventIds", new ArraySchema().items(new StringSchema())
                .description("Ids of every event the write recorded, in the order they were stored"));
    }
}

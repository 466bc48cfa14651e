package com.leadledger.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Completes the document springdoc built from the controllers: the Problem schema and every operation's problem
 * responses and security, success bodies typed {@code application/json} where springdoc said {@code *}{@code /*},
 * and every tag an operation uses declared (the service's own with their descriptions).
 */
final class DocumentCompletion implements OpenApiCustomizer {

    private static final String ANY = "*/*";
    private static final String JSON = "application/json";

    private final ApiDescription api;

    DocumentCompletion(ApiDescription api) {
        this.api = api;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas("FieldProblem", fieldProblemSchema());
        components.addSchemas(ProblemResponses.PROBLEM_SCHEMA, problemSchema());
        openApi.setComponents(components);
        new ProblemResponses(api).document(openApi);
        operations(openApi).forEach(DocumentCompletion::jsonInsteadOfAnything);
        openApi.setTags(tags(openApi));
    }

    private static List<Operation> operations(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return List.of();
        }
        return openApi.getPaths().values().stream().flatMap(item -> item.readOperations().stream()).toList();
    }

    private static void jsonInsteadOfAnything(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> response.setContent(json(response.getContent())));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(json(operation.getRequestBody().getContent()));
        }
    }

    private static Content json(Content content) {
        if (content == null || !content.containsKey(ANY)) {
            return content;
        }
        Content typed = new Content();
        content.forEach((type, media) -> typed.addMediaType(type.equals(ANY) ? JSON : type, media));
        return typed;
    }

    private List<Tag> tags(OpenAPI openApi) {
        Map<String, Tag> tags = new TreeMap<>();
        api.tags().forEach((name, description) -> tags.put(name, new Tag().name(name).description(description)));
        operations(openApi).stream().map(Operation::getTags).filter(Objects::nonNull).flatMap(List::stream)
                .forEach(name -> tags.computeIfAbsent(name, n -> new Tag().name(n).description("Operations on " + n + ".")));
        return tags.values().stream().sorted(Comparator.comparing(Tag::getName)).toList();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("urn:leadledger:problem:<code in lower case with dashes>")
                .example("urn:leadledger:problem:validation-failed"));
        properties.put("title", new StringSchema().description("The HTTP status's reason phrase.")
                .example("Bad Request"));
        properties.put("status", new IntegerSchema().description("The HTTP status.").example(400));
        properties.put("detail", new StringSchema().description("What went wrong, for a person.")
                .example("Field 'customer.taxId' has an invalid checksum."));
        properties.put("instance", new StringSchema().format("uri").description("The request path."));
        properties.put("code", new StringSchema().description("The machine-readable code; each response lists "
                + "the codes it may carry (x-problem-codes).").example("VALIDATION_FAILED"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                .description("The failing fields, if any."));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "code"));
        problem.setDescription("RFC 9457 problem details with a machine-readable code and the failing fields. "
                + "A refusal may carry further members (for example the id of a conflicting registration).");
        return problem;
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> fieldProblemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("JSON path of the field.").example("customer.taxId"));
        properties.put("message", new StringSchema().description("What is wrong, in words.")
                .example("has an invalid checksum"));
        properties.put("rule", new StringSchema().description("The rule it broke.").example("TAX_ID_CHECKSUM"));
        ObjectSchema field = new ObjectSchema();
        field.setProperties(properties);
        field.setRequired(List.of("field", "message"));
        field.setDescription("One failing field of a request.");
        return field;
    }
}

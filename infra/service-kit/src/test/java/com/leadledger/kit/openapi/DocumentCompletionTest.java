package com.leadledger.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the kit adds to a document springdoc built: problem responses, security, Idempotency-Key, tags, texts. */
class DocumentCompletionTest {

    static final ApiDescription API = new ApiDescription("Test API", "For the test.",
            Map.of("things", "Things."), List.of("/api/v1/public"));

    @SuppressWarnings("unused")
    static class Handlers {
        @ProblemCodes(status = 409, value = {"THING_CLOSED"})
        @FieldRules({"THING_NAME_TAKEN"})
        void renameThing() {
        }

        void readThing() {
        }
    }

    @Test
    void aSecuredPostGetsBearerProblemResponsesItsOwnCodesAndTheIdempotencyKey() throws Exception {
        Operation rename = OperationTexts.customize(new Operation().operationId("renameThing").tags(List.of("things"))
                        .addParametersItem(new PathParameter().name("thingId").schema(new StringSchema()))
                        .requestBody(new RequestBody().content(json()))
                        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                                .content(new Content().addMediaType("*/*", new MediaType())))),
                handler("renameThing"));
        OpenAPI document = document("/api/v1/things/{thingId}/rename", PathItem.HttpMethod.POST, rename);

        new DocumentCompletion(API).customise(document);

        assertThat(rename.getSummary()).isEqualTo("Rename thing");
        assertThat(rename.getDescription()).isEqualTo("Rename thing.");
        assertThat(rename.getSecurity()).containsExactly(new SecurityRequirement().addList("bearerAuth"));
        assertThat(rename.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409", "413", "422",
                "429", "500", "503");
        assertThat(rename.getResponses().get("200").getContent()).containsOnlyKeys("application/json");
        ApiResponse conflict = rename.getResponses().get("409");
        assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(conflict.getExtensions().get("x-problem-codes"))
                .isEqualTo(List.of("IDEMPOTENCY_KEY_IN_PROGRESS", "THING_CLOSED"));
        assertThat(conflict.getDescription()).contains("`THING_CLOSED`");
        ApiResponse invalid = rename.getResponses().get("400");
        assertThat(invalid.getExtensions().get("x-problem-codes"))
                .isEqualTo(List.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "IDEMPOTENCY_KEY_INVALID"));
        assertThat(invalid.getExtensions().get("x-field-rules")).isEqualTo(List.of("THING_NAME_TAKEN"));
        assertThat(rename.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(rename.getParameters()).extracting(p -> p.getIn() + " " + p.getName())
                .containsExactly("path thingId", "header Idempotency-Key");
        assertThat(rename.getExtensions()).isNull();
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldProblem");
        assertThat(document.getTags()).extracting(tag -> tag.getName() + ": " + tag.getDescription())
                .containsExactly("things: Things.");
    }

    @Test
    void aPublicGetHasNoSecurityAndOnlyTheRefusalsAnyoneCanMeet() throws Exception {
        Operation read = OperationTexts.customize(new Operation().operationId("readThing").tags(List.of("other"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"))),
                handler("readThing"));
        OpenAPI document = document("/api/v1/public/things", PathItem.HttpMethod.GET, read);

        new DocumentCompletion(API).customise(document);

        assertThat(read.getSecurity()).isEmpty();
        assertThat(read.getResponses()).containsOnlyKeys("200", "429", "500", "503");
        assertThat(read.getParameters()).isNull();
        assertThat(document.getTags()).extracting(tag -> tag.getName()).containsExactly("other", "things");
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = new PathItem();
        item.operation(method, operation);
        return new OpenAPI().paths(new Paths().addPathItem(path, item));
    }

    private static Content json() {
        return new Content().addMediaType("application/json", new MediaType().schema(new StringSchema()));
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }
}

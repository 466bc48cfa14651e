package com.leadledger.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documents on every operation what the shared edge can answer besides the success: each refusal status as
 * {@code application/problem+json} with the codes it may carry, the bearer requirement (public paths excepted), the
 * {@code Idempotency-Key} header on POSTs. Works from the paths alone, so endpoints added later are covered too.
 */
final class ProblemResponses {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String BEARER_SCHEME = "bearerAuth";
    /** Where {@link ProblemCodesReader} leaves an operation's own codes until this class documents them. */
    static final String OWN_CODES = "x-leadledger-own-problem-codes";
    static final String OWN_RULES = "x-leadledger-own-field-rules";
    static final String CODES_EXTENSION = "x-problem-codes";
    static final String RULES_EXTENSION = "x-field-rules";

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "The request is invalid; nothing was recorded."),
            Map.entry(401, "No valid bearer token."),
            Map.entry(403, "The caller's role or identity may not do this."),
            Map.entry(404, "Not found, or not visible to the caller (another partner's object is not found)."),
            Map.entry(409, "Refused by the current state; nothing was recorded."),
            Map.entry(413, "The request body is too large."),
            Map.entry(422, "The Idempotency-Key was used before with another request."),
            Map.entry(429, "Too many requests for now; retry after the Retry-After seconds."),
            Map.entry(500, "An unexpected error; the request id in the logs finds it."),
            Map.entry(503, "The service cannot reach its storage right now; nothing was recorded. Retry later."));

    private final ApiDescription api;

    ProblemResponses(ApiDescription api) {
        this.api = api;
    }

    void document(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = !api.isPublic(path);
        boolean post = method == PathItem.HttpMethod.POST;
        Map<Integer, Set<String>> codes = new TreeMap<>();
        add(codes, 429, "RATE_LIMITED");
        add(codes, 500, "INTERNAL_ERROR");
        add(codes, 503, "SERVICE_UNAVAILABLE");
        if (secured) {
            add(codes, 401, "UNAUTHENTICATED");
            add(codes, 403, "FORBIDDEN");
        }
        if (hasParameters(operation)) {
            add(codes, 400, "VALIDATION_FAILED");
        }
        if (path.contains("{")) {
            add(codes, 404, "NOT_FOUND");
        }
        if (operation.getRequestBody() != null) {
            add(codes, 400, "VALIDATION_FAILED", "MALFORMED_REQUEST");
            add(codes, 413, "PAYLOAD_TOO_LARGE");
        }
        if (post) {
            add(codes, 400, "IDEMPOTENCY_KEY_INVALID");
            add(codes, 409, "IDEMPOTENCY_KEY_IN_PROGRESS");
            add(codes, 422, "IDEMPOTENCY_KEY_REUSED");
            addIdempotencyKey(operation);
        }
        ownCodes(operation).forEach((status, own) -> add(codes, status, own.toArray(String[]::new)));
        List<String> rules = ownRules(operation);
        if (!rules.isEmpty()) {
            add(codes, 400, "VALIDATION_FAILED");
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        codes.forEach((status, statusCodes) -> responses.addApiResponse(String.valueOf(status),
                problemResponse(status, statusCodes, status == 400 ? rules : List.of())));
        operation.setResponses(responses);
        operation.setSecurity(secured ? List.of(new SecurityRequirement().addList(BEARER_SCHEME)) : List.of());
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, List<String>> ownCodes(Operation operation) {
        Object own = takeExtension(operation, OWN_CODES);
        return own == null ? Map.of() : (Map<Integer, List<String>>) own;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ownRules(Operation operation) {
        Object own = takeExtension(operation, OWN_RULES);
        return own == null ? List.of() : (List<String>) own;
    }

    private static Object takeExtension(Operation operation, String name) {
        if (operation.getExtensions() == null) {
            return null;
        }
        Object value = operation.getExtensions().remove(name);
        if (operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        return value;
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String... statusCodes) {
        codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(List.of(statusCodes));
    }

    private static ApiResponse problemResponse(int status, Set<String> codes, List<String> rules) {
        String description = MEANINGS.getOrDefault(status, "Refused.") + " Codes: " + listed(codes) + ".";
        if (!rules.isEmpty()) {
            description += " Field rules (errors[].rule) besides bean validation's: " + listed(rules) + ".";
        }
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        response.addExtension(CODES_EXTENSION, new ArrayList<>(codes));
        if (!rules.isEmpty()) {
            response.addExtension(RULES_EXTENSION, rules);
        }
        if (status == 429 || status == 503) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before retrying.").schema(new IntegerSchema()));
        }
        return response;
    }

    private static String listed(java.util.Collection<String> names) {
        return String.join(", ", names.stream().map(name -> "`" + name + "`").toList());
    }

    private static void addIdempotencyKey(Operation operation) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (!present) {
            Parameter key = new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("A key of the client's choosing: a retry with the same key and the same request "
                            + "answers the first answer again instead of acting twice.")
                    .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,128}$").example("order-4711-submit"));
            operation.addParametersItem(key);
        }
    }
}

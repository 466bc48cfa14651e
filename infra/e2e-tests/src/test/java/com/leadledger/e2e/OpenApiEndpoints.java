package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of one service's OpenAPI document ({@code /v3/api-docs}): method plus path template. A concrete path
 * matches a template segment by segment, a {@code {variable}} standing for any text without a slash, so
 * {@code /api/v1/registrations/$REG_A/approve} matches {@code /api/v1/registrations/{registrationId}/approve}.
 */
final class OpenApiEndpoints {

    /** Operational endpoints the OpenAPI document does not describe (Spring Boot actuator, springdoc itself). */
    static final Set<String> UNDOCUMENTED_GET_PATHS = Set.of(
            "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/swagger-ui.html");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]+}");

    private record Operation(String method, String template, Pattern path) {
    }

    private final List<Operation> operations;

    private OpenApiEndpoints(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    static OpenApiEndpoints of(JsonNode apiDocs) {
        List<Operation> operations = new ArrayList<>();
        apiDocs.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                operations.add(new Operation(key.toUpperCase(Locale.ROOT), path.getKey(), pattern(path.getKey())));
            }
        }));
        return new OpenApiEndpoints(operations);
    }

    int size() {
        return operations.size();
    }

    boolean has(String method, String path) {
        if (method.equals("GET") && UNDOCUMENTED_GET_PATHS.contains(path)) {
            return true;
        }
        return operations.stream().anyMatch(o -> o.method().equals(method) && o.path().matcher(path).matches());
    }

    /** The templates of this path under any method, to say what a wrong method should have been. */
    List<String> methodsFor(String path) {
        return operations.stream().filter(o -> o.path().matcher(path).matches())
                .map(o -> o.method() + " " + o.template()).toList();
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}

package com.leadledger.kit.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Per operation, from its handler method: the {@link ProblemCodes} and {@link FieldRules} it declares (handed to
 * {@link ProblemResponses}),
 * and a summary and description derived from the method's name where the controller gives none, so that an endpoint
 * added without {@code @Operation} still has both.
 */
final class OperationTexts {

    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private OperationTexts() {
    }

    static Operation customize(Operation operation, HandlerMethod handler) {
        Map<Integer, List<String>> own = new TreeMap<>();
        for (ProblemCodes codes : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemCodes.class)) {
            own.computeIfAbsent(codes.status(), s -> new java.util.ArrayList<>()).addAll(List.of(codes.value()));
        }
        if (!own.isEmpty()) {
            operation.addExtension(ProblemResponses.OWN_CODES, own);
        }
        FieldRules rules = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), FieldRules.class);
        if (rules != null) {
            operation.addExtension(ProblemResponses.OWN_RULES, List.of(rules.value()));
        }
        if (isBlank(operation.getSummary())) {
            operation.setSummary(sentence(handler.getMethod().getName()));
        }
        if (isBlank(operation.getDescription())) {
            operation.setDescription(operation.getSummary() + ".");
        }
        return operation;
    }

    /** {@code requestExtension} → "Request extension". */
    static String sentence(String methodName) {
        String words = WORD_START.matcher(methodName).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

package com.leadledger.console.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's extension request as the browser sends it; {@code idempotencyKey} is fixed when the form is shown, so
 * that sending it twice asks once.
 */
public record ExtensionRequestForm(String reason, String days, String idempotencyKey) {

    /** A problem code that concerns one field of the form rather than the whole request. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of("EXTENSION_TOO_LONG", "days");

    static ExtensionRequestForm empty() {
        return new ExtensionRequestForm(null, null, UUID.randomUUID().toString());
    }

    /** The same form to send again after a refusal: a new key, since the API answered the old one. */
    ExtensionRequestForm withNewKey() {
        return new ExtensionRequestForm(reason, days, UUID.randomUUID().toString());
    }

    /**
     * The API's request body ({@code POST /api/v1/registrations/{id}/extension-requests}) as typed: the API validates
     * it, so a blank reason is sent blank and named by the API; no days asks for the policy's longest extension.
     */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null ? "" : reason.strip());
        if (days != null && !days.isBlank()) {
            body.put("days", asNumber(days.strip()));
        }
        return body;
    }

    /** The field a problem code concerns, if it concerns one. */
    static String fieldOf(String code) {
        return code == null ? null : FIELD_OF_CODE.get(code);
    }

    private static Object asNumber(String days) {
        try {
            return Integer.valueOf(days);
        } catch (NumberFormatException notANumber) {
            return days; // the API names it
        }
    }
}

package com.leadledger.console.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The submit form as the browser sends it; {@code idempotencyKey} is fixed when the form is shown, so that sending it
 * twice registers once.
 */
public record SubmissionForm(String legalName, String country, String taxId, String domain, String region,
                             String productLine, String amount, String currency, String expectedCloseDate,
                             String description, String idempotencyKey) {

    static SubmissionForm empty() {
        return new SubmissionForm(null, "RU", null, null, null, null, null, "RUB", null, null,
                UUID.randomUUID().toString());
    }

    /** The same form to send again after a refusal: a new key, since the API answered the old one. */
    SubmissionForm withNewKey() {
        return new SubmissionForm(legalName, country, taxId, domain, region, productLine, amount, currency,
                expectedCloseDate, description, UUID.randomUUID().toString());
    }

    /**
     * The API's request body ({@code POST /api/v1/registrations}), as typed: the API validates it. Blank fields are
     * left out, so that the API names each missing one.
     */
    Map<String, Object> body() {
        Map<String, Object> customer = new LinkedHashMap<>();
        putIfPresent(customer, "legalName", legalName);
        putIfPresent(customer, "country", country);
        putIfPresent(customer, "taxId", taxId);
        putIfPresent(customer, "domain", domain);
        putIfPresent(customer, "region", region);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer);
        putIfPresent(body, "productLine", productLine);
        Map<String, Object> value = new LinkedHashMap<>();
        putIfPresent(value, "amount", amount == null ? null : amount.replace(" ", "").replace(',', '.'));
        putIfPresent(value, "currency", currency);
        if (!value.isEmpty()) {
            body.put("estimatedValue", value);
        }
        putIfPresent(body, "expectedCloseDate", expectedCloseDate);
        putIfPresent(body, "description", description);
        return body;
    }

    /** The form field an API field error belongs to ({@code customer.taxId} → {@code taxId}). */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        if (apiField.equals("estimatedValue")) {
            return "amount";
        }
        if (apiField.equals("customer")) {
            return "legalName";
        }
        return apiField.substring(apiField.lastIndexOf('.') + 1);
    }

    private static void putIfPresent(Map<String, Object> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value.strip());
        }
    }
}

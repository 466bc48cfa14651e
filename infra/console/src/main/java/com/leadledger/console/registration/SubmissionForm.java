package com.leadledger.console.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The submit form as the browser sends it; {@code idempotencyKey} is fixed when the form is shown, so that sending it
 * twice registers once.
 */
public record SubmissionForm(String legalName, String country, String taxId, String domain, String region,
                             String productLine, BigDecimal amount, String currency, LocalDate expectedCloseDate,
                             String description, String idempotencyKey) {

    static SubmissionForm empty() {
        return new SubmissionForm(null, "RU", null, null, null, null, null, "RUB", null, null,
                UUID.randomUUID().toString());
    }

    /** The API's request body ({@code POST /api/v1/registrations}); blank optional fields are left out. */
    Map<String, Object> body() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("legalName", legalName);
        customer.put("country", country);
        putIfPresent(customer, "taxId", taxId);
        putIfPresent(customer, "domain", domain);
        putIfPresent(customer, "region", region);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer);
        body.put("productLine", productLine);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", amount == null ? null : amount.toPlainString());
        value.put("currency", currency);
        body.put("estimatedValue", value);
        body.put("expectedCloseDate", expectedCloseDate == null ? null : expectedCloseDate.toString());
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

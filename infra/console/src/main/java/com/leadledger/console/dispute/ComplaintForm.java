package com.leadledger.console.dispute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's complaint as the browser sends it; {@code idempotencyKey} is fixed when the form is shown, so that
 * sending it twice opens one dispute. The amounts are only sent for a price-dumping complaint.
 */
public record ComplaintForm(String type, String registrationId, String opportunityId, String description,
                            String quotedAmount, String quotedCurrency, String allegedAmount, String allegedCurrency,
                            String entitledDiscountPercent, String idempotencyKey) {

    static final List<String> TYPES = List.of("PRICE_DUMPING", "DUPLICATE_CLAIM", "SUPPORT_OVERRIDE");

    static ComplaintForm empty(String registrationId) {
        return new ComplaintForm("PRICE_DUMPING", registrationId, null, null, null, "RUB", null, "RUB", null,
                UUID.randomUUID().toString());
    }

    ComplaintForm withNewKey() {
        return new ComplaintForm(type, registrationId, opportunityId, description, quotedAmount, quotedCurrency,
                allegedAmount, allegedCurrency, entitledDiscountPercent, UUID.randomUUID().toString());
    }

    /** The API's request body ({@code POST /api/v1/disputes}) as typed; the API validates it. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.putIfPresent(body, "type", type);
        Forms.putIfPresent(body, "registrationId", registrationId);
        Forms.putIfPresent(body, "opportunityId", opportunityId);
        Forms.putIfPresent(body, "description", description);
        if ("PRICE_DUMPING".equals(type)) {
            Map<String, Object> amounts = new LinkedHashMap<>();
            Forms.putMoney(amounts, "quotedPrice", quotedAmount, quotedCurrency);
            Forms.putMoney(amounts, "allegedPrice", allegedAmount, allegedCurrency);
            Forms.putIfPresent(amounts, "entitledDiscountPercent", Forms.decimal(entitledDiscountPercent));
            if (!amounts.isEmpty()) {
                body.put("amounts", amounts);
            }
        }
        return body;
    }

    /** The form field an API field error belongs to ({@code amounts.quotedPrice.amount} → {@code quotedAmount}). */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        if (apiField.equals("amounts") || apiField.startsWith("amounts.quotedPrice")) {
            return "quotedAmount";
        }
        if (apiField.startsWith("amounts.allegedPrice")) {
            return "allegedAmount";
        }
        if (apiField.startsWith("amounts")) {
            return "entitledDiscountPercent";
        }
        return apiField;
    }
}

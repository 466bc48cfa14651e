package com.leadledger.console.dispute;

import java.util.LinkedHashMap;
import java.util.Map;

/** Building the API's request bodies from what the user typed: blank fields are left out, so the API names them. */
final class Forms {

    private Forms() {
    }

    static void putIfPresent(Map<String, Object> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value.strip());
        }
    }

    static void putMoney(Map<String, Object> into, String key, String amount, String currency) {
        String typed = decimal(amount);
        if (typed == null) {
            return;
        }
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", typed);
        putIfPresent(money, "currency", currency);
        into.put(key, money);
    }

    /** A decimal as typed in either language ({@code 1 025 000,50} → {@code 1025000.50}); null when blank. */
    static String decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
    }
}

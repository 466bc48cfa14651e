package com.leadledger.command.it;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Fresh partners for the integration tests, onboarded over HTTP by an admin, and their users' tokens. */
final class Onboarding {

    static final String ADMIN = DevTokens.mint("admin-1", List.of("ADMIN"), null);

    private Onboarding() {
    }

    /** Onboards a partner with a fresh id; returns the id. */
    static String onboard(HttpApi http, String tier, List<String> productLines) {
        String partnerId = "P-" + UUID.randomUUID().toString().substring(0, 8);
        String lines = productLines.stream().map(line -> "\"" + line + "\"").collect(Collectors.joining(",", "[",
                "]"));
        var answer = http.post("/api/v1/partners", ADMIN, """
                {"partnerId": "%s", "name": "Partner %s", "tier": "%s", "productLines": %s}"""
                .formatted(partnerId, partnerId, tier, lines));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return partnerId;
    }

    /** A GOLD partner authorised for NETWORK_SECURITY; returns the id. */
    static String onboardGold(HttpApi http) {
        return onboard(http, "GOLD", List.of("NETWORK_SECURITY"));
    }

    /** A token of one of the partner's users. */
    static String tokenOf(String partnerId) {
        return DevTokens.mint("user-of-" + partnerId, List.of("PARTNER"), partnerId);
    }
}

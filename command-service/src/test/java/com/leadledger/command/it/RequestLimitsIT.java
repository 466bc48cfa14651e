package com.leadledger.command.it;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body size, JSON depth and string length limits and the rate limits (writes and reads per partner, requests without
 * a valid token per client address), over real HTTP.
 */
// Own context: it tests the rate limits, which the shared context turns off.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadledger.rate-limit.per-second=2", "leadledger.rate-limit.burst=4",
        "leadledger.rate-limit.read-per-second=2", "leadledger.rate-limit.read-burst=4",
        "leadledger.rate-limit.anonymous-per-second=2", "leadledger.rate-limit.anonymous-burst=4"})
class RequestLimitsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "limits_it");
    }

    @LocalServerPort
    int port;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    static String partner(String id) {
        return DevTokens.mint("u-" + id, List.of("PARTNER"), id);
    }

    @Test
    void refusesOversizedBodiesDeepJsonAndHugeStrings() {
        String huge = "{\"customer\": {\"legalName\": \"" + "x".repeat(70_000) + "\"}}";
        var tooLarge = http.post("/api/v1/registrations", partner("P-L1"), huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        String deep = "{\"description\": " + "[".repeat(40) + "]".repeat(40) + "}";
        var tooDeep = http.post("/api/v1/registrations", partner("P-L2"), deep);
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.contentType()).startsWith("application/problem+json");

        var longName = http.post("/api/v1/registrations", partner("P-L3"),
                "{\"customer\": {\"legalName\": \"" + "x".repeat(301) + "\", \"country\": \"RU\", \"taxId\": \"7707083893\"}}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body().get("errors").findValuesAsText("field")).contains("customer.legalName");
    }

    @Test
    void limitsEachPartnersRateAndSaysWhenToRetry() {
        List<Integer> statuses = new ArrayList<>();
        HttpApi.Answer limited = null;
        for (int i = 0; i < 12; i++) {
            var answer = http.post("/api/v1/registrations/" + UUID.randomUUID() + "/withdraw", partner("P-RATE"), "{}");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertThat(statuses).contains(404, 429);
        assertThat(limited).as("a request beyond the budget: " + statuses).isNotNull();
        // 2 per second, refilled greedily: the next token is less than a second away
        assertThat(limited.headers().get("retry-after")).containsExactly("1");
        assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");

        var otherPartner = http.post("/api/v1/registrations/" + UUID.randomUUID() + "/withdraw", partner("P-OTHER"), "{}");
        assertThat(otherPartner.status()).as("another partner has its own budget").isEqualTo(404);
    }

    @Test
    void limitsEachPartnersReadsApartFromItsWrites() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(http.get("/api/v1/policies/current", partner("P-READER")).status());
        }
        assertThat(statuses).contains(200, 429).containsOnly(200, 429);

        var write = http.post("/api/v1/registrations/" + UUID.randomUUID() + "/withdraw", partner("P-READER"), "{}");
        assertThat(write.status()).as("writes have their own budget").isEqualTo(404);
        assertThat(http.get("/api/v1/policies/current", partner("P-OTHER-READER")).status())
                .as("another partner has its own budget").isEqualTo(200);
    }

    @Test
    void limitsRequestsWithoutAValidTokenPerClientAddress() {
        List<Integer> anonymous = new ArrayList<>();
        HttpApi.Answer limited = null;
        for (int i = 0; i < 12; i++) {
            var answer = http.get("/api/v1/audit/keys", null);
            anonymous.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }
        assertThat(anonymous).contains(200, 429).containsOnly(200, 429);
        assertThat(limited.headers().get("retry-after")).containsExactly("1");
        assertThat(limited.body().get("code").asText()).isEqualTo("RATE_LIMITED");

        List<Integer> forged = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            forged.add(http.get("/api/v1/policies/current", "not-a-token-" + i).status());
        }
        assertThat(forged).as("a token that does not verify is no way around it").contains(429)
                .isSubsetOf(401, 429);
        assertThat(http.get("/api/v1/policies/current", partner("P-SAME-ADDRESS")).status())
                .as("a caller with a valid token from the same address").isEqualTo(200);
    }
}

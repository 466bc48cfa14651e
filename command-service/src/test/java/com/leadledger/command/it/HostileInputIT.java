package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests (malformed JSON, wrong types, missing and extra fields, huge strings, Unicode tricks,
 * injection strings, invalid ids, dates, currencies and tax ids) sent to every command endpoint with a role that may
 * call it: every answer is 4xx problem+json, never 5xx, and nothing is recorded.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "leadledger.rate-limit.per-second=0")
class HostileInputIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "hostile_it");
    }

    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager", List.of("CHANNEL_MANAGER"), null);
    static final String PARTNER = DevTokens.mint("p", List.of("PARTNER"), "P-H1");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static final List<String> BODIES = List.of(
            "{", "}", "null", "[]", "\"text\"", "42", "true", "{}", "{\"a\":}", "{\"a\" 1}", "{'single': 'quotes'}",
            "{\"customer\": \"not an object\"}",
            "{\"customer\": {\"legalName\": 123, \"country\": true, \"taxId\": []}}",
            "{\"customer\": {\"legalName\": \"X\", \"country\": \"RU\", \"taxId\": \"７７０７０８３８９３\"}, \"productLine\": \"NETWORK_SECURITY\"}",
            "{\"customer\": {\"legalName\": \"evil\\u0000name\", \"country\": \"RU\", \"taxId\": \"7707083893\"}}",
            "{\"customer\": {\"legalName\": \"\\ud800broken\", \"country\": \"RU\", \"domain\": \"xn--.com\"}}",
            "{\"customer\": {\"legalName\": \"\\u202eevil\", \"country\": \"RU\", \"domain\": \"ex\\u0430mple.com\"}}",
            "{\"customer\": {\"legalName\": \"x'; DROP TABLE domainevententry; --\", \"country\": \"RU\", \"taxId\": \"1' OR '1'='1\"}}",
            "{\"productLine\": \"NETWORK_SECURITY' OR 1=1 --\", \"estimatedValue\": {\"amount\": \"1e999\", \"currency\": \"RUB\"}}",
            "{\"estimatedValue\": {\"amount\": \"NaN\", \"currency\": \"rub\"}, \"expectedCloseDate\": \"2027-02-30\"}",
            "{\"estimatedValue\": {\"amount\": -5, \"currency\": \"XXX\"}, \"expectedCloseDate\": \"tomorrow\"}",
            "{\"discountPercent\": \"lots\", \"protectionDays\": -1}",
            "{\"discountPercent\": 1e308, \"protectionDays\": 99999999999}",
            "{\"reasonCode\": \"BECAUSE\", \"note\": {\"$gt\": \"\"}}",
            "{\"action\": \"STEAL\", \"registrationId\": {\"$ne\": null}, \"evidenceSha256\": \"zz\"}",
            "{\"type\": \"HACK\", \"description\": [1,2,3], \"amounts\": \"many\"}",
            "{\"partnerId\": \"../../etc/passwd\", \"name\": \"\", \"tier\": \"DIAMOND\", \"productLines\": \"ALL\"}",
            "{\"tier\": null, \"productLines\": [null, 1, {}]}",
            "{\"outcome\": \"MAYBE\", \"rationale\": null, \"penaltyPoints\": -7}",
            "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1,000\", \"currency\": \"€\"}}",
            // numbers and booleans where the contract says string; otherwise a valid registration
            "{\"customer\": {\"legalName\": \"A\", \"country\": \"RU\", \"taxId\": 7707083893}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": 1250000, \"currency\": \"RUB\"}, \"expectedCloseDate\": \"" + LocalDate.now().plusDays(30) + "\"}",
            "{\"customer\": {\"legalName\": false, \"country\": \"RU\", \"taxId\": \"7707083893\"}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": \"1250000\", \"currency\": \"RUB\"}, \"expectedCloseDate\": \"" + LocalDate.now().plusDays(30) + "\"}",
            "{\"reason\": \"" + "r".repeat(3000) + "\"}",
            "{\"description\": \"" + "d".repeat(70_000) + "\"}",
            "{\"x\": " + "[".repeat(60) + "]".repeat(60) + "}",
            "{\"customer\": {\"legalName\": \"A\", \"country\": \"RU\", \"taxId\": \"7707083893\"}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": \"1250000\", \"currency\": \"RUB\"}, \"expectedCloseDate\": \"1999-01-01\", "
                    + "\"partnerId\": \"P-OTHER\", \"acceptedAt\": \"2000-01-01T00:00:00Z\", \"position\": 1}");

    @Test
    void everyHostileRequestIsAnsweredWith4xxProblemJsonAndRecordsNothing() {
        HttpApi http = new HttpApi("http://localhost:" + port);
        http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"P-H1\", \"name\": \"H\", \"tier\": \"GOLD\", "
                + "\"productLines\": [\"NETWORK_SECURITY\"]}");
        JsonNode registration = http.post("/api/v1/registrations", PARTNER, """
                {"customer": {"legalName": "Target", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30))).body();
        String reg = registration.get("registrationId").asText();
        String opp = registration.get("opportunityId").asText();
        String dispute = http.post("/api/v1/disputes", PARTNER, "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + reg + "\", \"description\": \"first\"}").body().get("disputeId").asText();

        long events = count("domainevententry");
        long lookups = count("registration_lookup");
        long partners = count("partner_registry");

        List<String[]> endpoints = new ArrayList<>();
        // the withdraw body is optional: against the real registration some of these bodies would be a valid request
        for (String id : List.of(UUID.randomUUID().toString(), "%27%20OR%201=1%20--", "%00", "..%2F..%2Fadmin")) {
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/withdraw", PARTNER});
        }
        for (String id : List.of(reg, UUID.randomUUID().toString(), "%27%20OR%201=1%20--", "%00", "..%2F..%2Fadmin")) {
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/outcome", PARTNER});
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/extension-requests", PARTNER});
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/approve", MANAGER});
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/reject", MANAGER});
            endpoints.add(new String[]{"/api/v1/registrations/" + id + "/extension-requests/" + id + "/grant", MANAGER});
        }
        endpoints.add(new String[]{"/api/v1/registrations", PARTNER});
        endpoints.add(new String[]{"/api/v1/opportunities/" + opp + "/support", MANAGER});
        endpoints.add(new String[]{"/api/v1/disputes", PARTNER});
        for (String suffix : List.of("evidence", "escalate", "appeal")) {
            endpoints.add(new String[]{"/api/v1/disputes/" + dispute + "/" + suffix, PARTNER});
        }
        for (String suffix : List.of("respondent", "assign", "ruling")) {
            endpoints.add(new String[]{"/api/v1/disputes/" + dispute + "/" + suffix, MANAGER});
        }
        endpoints.add(new String[]{"/api/v1/partners", ADMIN});
        for (String suffix : List.of("tier", "product-lines")) {
            endpoints.add(new String[]{"/api/v1/partners/P-H1/" + suffix, ADMIN});
        }
        // suspend/reinstate take an optional body: aimed at a partner that does not exist
        for (String suffix : List.of("suspend", "reinstate")) {
            endpoints.add(new String[]{"/api/v1/partners/P-NOBODY/" + suffix, ADMIN});
        }
        endpoints.add(new String[]{"/api/v1/policies", ADMIN});

        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String body : BODIES) {
                HttpApi.Answer answer = http.post(endpoint[0], endpoint[1], body, Map.of());
                sent++;
                boolean ok = answer.status() >= 400 && answer.status() < 500
                        && answer.contentType().startsWith("application/problem+json")
                        && answer.body().hasNonNull("code");
                if (!ok) {
                    failures.add(answer.status() + " " + endpoint[0] + " <- " + abbreviate(body) + " : "
                            + abbreviate(answer.raw()));
                }
            }
            HttpApi.Answer wrongType = http.post(endpoint[0], endpoint[1], "<xml/>", Map.of("Content-Type", "text/xml"));
            sent++;
            if (wrongType.status() < 400 || wrongType.status() >= 500) {
                failures.add(wrongType.status() + " " + endpoint[0] + " <- text/xml");
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(200);
        assertThat(failures).as("requests not answered with 4xx problem+json").isEmpty();
        assertThat(count("domainevententry")).as("no event recorded").isEqualTo(events);
        assertThat(count("registration_lookup")).isEqualTo(lookups);
        assertThat(count("partner_registry")).isEqualTo(partners);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}

package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint × every role (and no token): 401 without a token, 403 for a role that may not call it, and
 * for an allowed role an answer that is not an authorization refusal. Partners get the same 404 for another partner's
 * registration or dispute as for one that does not exist.
 */
class AuthorizationMatrixIT extends CommandServiceITBase {

    static final String PARTNER = "PARTNER";
    static final String MANAGER = "CHANNEL_MANAGER";
    static final String DIRECTOR = "CHANNEL_DIRECTOR";
    static final String COMMITTEE = "ARBITRATION_COMMITTEE";
    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";
    static final List<String> ROLES = List.of(PARTNER, MANAGER, DIRECTOR, COMMITTEE, AUDITOR, ADMIN);
    static final Set<String> STAFF = Set.of(MANAGER, DIRECTOR, COMMITTEE);

    @LocalServerPort
    int port;

    static String token(String role) {
        return role.equals(PARTNER) ? DevTokens.mint("a-user", List.of(PARTNER), "P-A")
                : DevTokens.mint(role.toLowerCase() + "-user", List.of(role), null);
    }

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        HttpApi http = new HttpApi("http://localhost:" + port);
        for (String partner : List.of("P-A", "P-B")) {
            http.post("/api/v1/partners", token(ADMIN), "{\"partnerId\": \"" + partner + "\", \"name\": \"X\", "
                    + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
        }
        JsonNode reg = http.post("/api/v1/registrations", token(PARTNER), """
                {"customer": {"legalName": "Matrix", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30))).body();
        String r = reg.get("registrationId").asText();
        String o = reg.get("opportunityId").asText();
        String d = http.post("/api/v1/disputes", token(PARTNER), "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + r + "\", \"description\": \"x\"}").body().get("disputeId").asText();

        // endpoint -> roles that pass the role check; the dispute level's decider is checked after the body (below)
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        matrix.put("/api/v1/registrations", Set.of(PARTNER));
        matrix.put("/api/v1/registrations/" + r + "/withdraw", Set.of(PARTNER));
        matrix.put("/api/v1/registrations/" + r + "/outcome", Set.of(PARTNER));
        matrix.put("/api/v1/registrations/" + r + "/extension-requests", Set.of(PARTNER));
        matrix.put("/api/v1/registrations/" + r + "/approve", STAFF);
        matrix.put("/api/v1/registrations/" + r + "/reject", STAFF);
        matrix.put("/api/v1/registrations/" + r + "/extension-requests/x/grant", STAFF);
        matrix.put("/api/v1/registrations/" + r + "/extension-requests/x/refuse", STAFF);
        matrix.put("/api/v1/opportunities/" + o + "/support", STAFF);
        matrix.put("/api/v1/disputes", Set.of(PARTNER, MANAGER, DIRECTOR, COMMITTEE));
        matrix.put("/api/v1/disputes/" + d + "/evidence", Set.of(PARTNER, MANAGER, DIRECTOR, COMMITTEE));
        matrix.put("/api/v1/disputes/" + d + "/escalate", Set.of(PARTNER, MANAGER, DIRECTOR, COMMITTEE));
        matrix.put("/api/v1/disputes/" + d + "/respondent", STAFF);
        matrix.put("/api/v1/disputes/" + d + "/assign", STAFF);
        matrix.put("/api/v1/disputes/" + d + "/ruling", STAFF);
        matrix.put("/api/v1/disputes/" + d + "/appeal", Set.of(PARTNER));
        matrix.put("/api/v1/partners", Set.of(ADMIN));
        matrix.put("/api/v1/partners/P-A/tier", Set.of(ADMIN));
        matrix.put("/api/v1/partners/P-A/product-lines", Set.of(ADMIN));
        matrix.put("/api/v1/partners/P-NOBODY/suspend", Set.of(ADMIN));
        matrix.put("/api/v1/partners/P-NOBODY/reinstate", Set.of(ADMIN));
        matrix.put("/api/v1/policies", Set.of(ADMIN));

        List<String> wrong = new ArrayList<>();
        for (var entry : matrix.entrySet()) {
            String path = entry.getKey();
            int anonymous = http.post(path, null, "{}").status();
            if (anonymous != 401) {
                wrong.add("anonymous " + path + " -> " + anonymous);
            }
            for (String role : ROLES) {
                // a JSON body that is invalid for every endpoint, so an allowed call changes nothing
                int status = http.post(path, token(role), "{\"invalid\": [").status();
                boolean allowed = entry.getValue().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(role + " " + path + " -> " + status + (allowed ? " (should pass authorization)" : " (should be 403)"));
                }
            }
        }
        for (String get : List.of("/api/v1/policies/current", "/api/v1/policies/1")) {
            assertThat(http.get(get, null).status()).isEqualTo(401);
            for (String role : ROLES) {
                assertThat(http.get(get, token(role)).status()).as(role + " " + get).isEqualTo(200);
            }
        }
        assertThat(http.get("/api/v1/audit/keys", null).status()).isEqualTo(200);
        for (String role : List.of(DIRECTOR, COMMITTEE)) {
            assertThat(http.post("/api/v1/disputes/" + d + "/ruling", token(role),
                    "{\"outcome\": \"DISMISSED\", \"rationale\": \"not my level\"}").status())
                    .as(role + " ruling at level 1").isEqualTo(403);
            assertThat(http.post("/api/v1/disputes/" + d + "/assign", token(role), "{\"assignee\": \"someone\"}")
                    .status()).as(role + " assigning at level 1").isEqualTo(403);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherPartnersObjectsLookExactlyLikeMissingOnes() {
        HttpApi http = new HttpApi("http://localhost:" + port);
        for (String partner : List.of("P-A", "P-B")) {
            http.post("/api/v1/partners", token(ADMIN), "{\"partnerId\": \"" + partner + "\", \"name\": \"X\", "
                    + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}");
        }
        String partnerB = DevTokens.mint("b-user", List.of(PARTNER), "P-B");
        JsonNode reg = http.post("/api/v1/registrations", token(PARTNER), """
                {"customer": {"legalName": "Mine", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30))).body();
        String r = reg.get("registrationId").asText();
        String d = http.post("/api/v1/disputes", token(PARTNER), "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + r + "\", \"description\": \"x\"}").body().get("disputeId").asText();
        String missing = UUID.randomUUID().toString();

        Map<String, String> bodies = Map.of(
                "/api/v1/registrations/%s/withdraw", "{}",
                "/api/v1/registrations/%s/outcome", "{\"result\": \"LOST\", \"reason\": \"x\"}",
                "/api/v1/registrations/%s/extension-requests", "{\"reason\": \"x\"}",
                "/api/v1/disputes/%s/evidence", "{\"description\": \"x\"}",
                "/api/v1/disputes/%s/escalate", "{\"reason\": \"x\"}",
                "/api/v1/disputes/%s/appeal", "{\"reason\": \"x\"}");
        for (var entry : bodies.entrySet()) {
            String target = entry.getKey().contains("disputes") ? d : r;
            var foreign = http.post(entry.getKey().formatted(target), partnerB, entry.getValue());
            var absent = http.post(entry.getKey().formatted(missing), partnerB, entry.getValue());
            assertThat(foreign.status()).as(entry.getKey()).isEqualTo(404);
            ((ObjectNode) foreign.body()).remove("instance");
            ((ObjectNode) absent.body()).remove("instance");
            assertThat(foreign.body()).as(entry.getKey()).isEqualTo(absent.body());
        }
        var ownDispute = http.post("/api/v1/disputes", partnerB, "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + r + "\", \"description\": \"not mine\"}");
        assertThat(ownDispute.status()).as("a dispute about another partner's registration").isEqualTo(404);
    }
}

package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.leadledger.command.it.Conditions.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks over real HTTP, PostgreSQL and Kafka, received by endpoints on this machine (the local profile
 * allows loopback): the approval, support-change and ruling stories reach the partners they concern, signed with each
 * partner's secret; an endpoint answering 500 gets the delivery again; a partner never hears about the other's
 * registrations; deliveries are listed and sent again on request; a rotated secret signs alongside the new one.
 */
class WebhookIT extends CommandServiceITBase {

    static final String MANAGER = DevTokens.mint("manager-1", List.of("CHANNEL_MANAGER"), null);
    static final List<String> ALL_TYPES = List.of("registration.approved", "registration.rejected",
            "registration.expired", "registration.revoked", "registration.restored",
            "registration.extension_decided", "notice.issued", "support.changed", "dispute.updated", "dispute.ruled");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    HttpApi http;
    final HttpClient client = HttpClient.newHttpClient();
    final List<WebhookEndpoint> endpoints = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new HttpApi("http://localhost:" + port);
    }

    @AfterEach
    void stopEndpoints() {
        endpoints.forEach(WebhookEndpoint::close);
    }

    WebhookEndpoint endpoint() throws IOException {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoints.add(endpoint);
        return endpoint;
    }

    @Test
    void partnersReceiveSignedWebhooksAboutTheirOwnRegistrationsOnly() throws Exception {
        String a = Onboarding.onboardGold(http);
        String b = Onboarding.onboard(http, "SILVER", List.of("NETWORK_SECURITY"));
        WebhookEndpoint endpointA = endpoint();
        WebhookEndpoint endpointB = endpoint();
        String secretA = subscribe(a, Onboarding.tokenOf(a), endpointA.url());
        String secretB = subscribe(b, Onboarding.ADMIN, endpointB.url()); // ADMIN may set any partner's
        endpointA.answerNext(500);

        String inn = Inns.random();
        JsonNode regA = submit(a, inn);
        JsonNode regB = submit(b, inn);
        String idA = regA.get("registrationId").asText();
        String idB = regB.get("registrationId").asText();
        String opp = regA.get("opportunityId").asText();

        // approval: A's endpoint answers 500 first and gets the delivery again
        assertThat(http.post("/api/v1/registrations/" + idA + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("A's approval delivered after a 500", () -> endpointA.ofType("registration.approved").size() == 2);
        List<WebhookEndpoint.Received> approvals = endpointA.ofType("registration.approved");
        assertThat(approvals.get(0).eventId()).isEqualTo(approvals.get(1).eventId());
        WebhookEndpoint.Received approved = approvals.get(1);
        assertSignedWith(approved, secretA);
        assertThat(approved.json().get("id").asText()).isEqualTo(approved.eventId());
        assertThat(approved.json().at("/data/registrationId").asText()).isEqualTo(idA);
        assertThat(approved.json().get("occurredAt").asText()).isNotBlank();
        await("B's notice of an earlier registration", () -> !endpointB.ofType("notice.issued").isEmpty());
        assertSignedWith(endpointB.ofType("notice.issued").get(0), secretB);

        var listed = get("/api/v1/partners/" + a + "/webhook/deliveries", Onboarding.tokenOf(a));
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(listed.body()).get("items").get(0);
        assertThat(first.get("eventType").asText()).isEqualTo("registration.approved");
        assertThat(first.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(first.get("attempts").asInt()).isEqualTo(2);
        assertThat(first.get("lastHttpStatus").asInt()).isEqualTo(204);

        // support granted to A
        assertThat(http.post("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + idA + "\"}").status()).isEqualTo(200);
        await("A hears it gained support", () -> endpointA.ofType("support.changed").size() == 1);
        assertThat(endpointA.ofType("support.changed").get(0).json().at("/data/supported").asBoolean()).isTrue();

        // ruling: B's duplicate claim is upheld, B is approved by the ruling and support moves to B
        var claim = http.post("/api/v1/disputes", Onboarding.tokenOf(b), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "we met the customer first"}"""
                .formatted(idB));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        String claimId = claim.text("disputeId");
        assertThat(http.post("/api/v1/disputes/" + claimId + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "internal: B's first meeting is documented",
                 "rightfulRegistrationId": "%s"}""".formatted(idB)).status()).isEqualTo(200);
        await("B hears the ruling", () -> endpointB.ofType("dispute.ruled").size() == 1);
        WebhookEndpoint.Received ruled = endpointB.ofType("dispute.ruled").get(0);
        assertSignedWith(ruled, secretB);
        assertThat(ruled.json().at("/data/disputeId").asText()).isEqualTo(claimId);
        assertThat(ruled.json().at("/data/outcome").asText()).isEqualTo("UPHELD");
        assertThat(ruled.body()).doesNotContain("internal:");
        assertThat(endpointB.ofType("dispute.updated")).extracting(r -> r.json().at("/data/change").asText())
                .contains("OPENED");

        await("the ruling reached the opportunity", () -> http.post("/api/v1/registrations/" + idB + "/approve",
                MANAGER, "{\"discountPercent\": 5, \"rulingDisputeId\": \"" + claimId + "\"}").status() == 200);
        assertThat(http.post("/api/v1/opportunities/" + opp + "/support", MANAGER, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "ARBITRATION_RULING",
                 "rulingDisputeId": "%s"}""".formatted(idB, claimId)).status()).isEqualTo(200);
        await("A hears it lost support", () -> endpointA.ofType("support.changed").size() == 2);
        await("B hears it gained support", () -> endpointB.ofType("support.changed").size() == 1);
        WebhookEndpoint.Received lost = endpointA.ofType("support.changed").get(1);
        assertSignedWith(lost, secretA);
        assertThat(lost.json().at("/data/registrationId").asText()).isEqualTo(idA);
        assertThat(lost.json().at("/data/supported").asBoolean()).isFalse();
        WebhookEndpoint.Received gained = endpointB.ofType("support.changed").get(0);
        assertThat(gained.json().at("/data/registrationId").asText()).isEqualTo(idB);
        assertThat(gained.json().at("/data/supported").asBoolean()).isTrue();
        await("B's approval", () -> endpointB.ofType("registration.approved").size() == 1);

        // nothing either endpoint received names the other partner or its registration
        assertThat(endpointB.received()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.body()).doesNotContain(a).doesNotContain(idA);
            assertSignedWith(r, secretB);
        });
        assertThat(endpointA.received()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.body()).doesNotContain(b).doesNotContain(idB).doesNotContain(claimId);
            assertSignedWith(r, secretA);
        });

        // A's deliveries, a page of one at a time: newest first, its approval the oldest
        List<JsonNode> newestFirst = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || page < total; page++) {
            JsonNode answer = JSON.readTree(get("/api/v1/partners/" + a + "/webhook/deliveries?size=1&page=" + page,
                    Onboarding.tokenOf(a)).body());
            total = answer.get("total").asLong();
            assertThat(answer.get("items")).hasSize(1);
            newestFirst.add(answer.get("items").get(0));
        }
        assertThat(newestFirst).hasSizeGreaterThanOrEqualTo(3)
                .extracting(d -> Instant.parse(d.get("createdAt").asText()))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(newestFirst.get(newestFirst.size() - 1).get("eventType").asText())
                .isEqualTo("registration.approved");
        assertThat(newestFirst.get(0).get("eventType").asText()).isEqualTo("support.changed");
    }

    @Test
    void aPartnerManagesOnlyItsOwnWebhook() throws Exception {
        String a = Onboarding.onboardGold(http);
        String b = Onboarding.onboardGold(http);
        String tokenB = Onboarding.tokenOf(b);
        WebhookEndpoint endpoint = endpoint();
        String body = "{\"url\": \"" + endpoint.url() + "\", \"eventTypes\": [\"registration.approved\"]}";

        assertThat(put("/api/v1/partners/" + a + "/webhook", tokenB, body).statusCode()).isEqualTo(404);
        assertThat(put("/api/v1/partners/" + a + "/webhook", MANAGER, body).statusCode()).isEqualTo(403);
        assertThat(put("/api/v1/partners/" + a + "/webhook", null, body).statusCode()).isEqualTo(401);
        subscribe(a, Onboarding.tokenOf(a), endpoint.url());
        assertThat(get("/api/v1/partners/" + a + "/webhook", tokenB).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/partners/" + a + "/webhook/deliveries", tokenB).statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/partners/" + a + "/webhook/rotate-secret", tokenB, "").status())
                .isEqualTo(404);
        assertThat(delete("/api/v1/partners/" + a + "/webhook", tokenB).statusCode()).isEqualTo(404);
        for (String paging : List.of("page=-1", "size=0", "size=201")) {
            var refused = get("/api/v1/partners/" + a + "/webhook/deliveries?" + paging, Onboarding.tokenOf(a));
            assertThat(refused.statusCode()).as(paging).isEqualTo(400);
            assertThat(refused.body()).contains("VALIDATION_FAILED");
        }
        var current = get("/api/v1/partners/" + a + "/webhook", Onboarding.ADMIN);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).contains(endpoint.url()).doesNotContain("whsec_");

        var unknownType = put("/api/v1/partners/" + a + "/webhook", Onboarding.tokenOf(a),
                "{\"url\": \"" + endpoint.url() + "\", \"eventTypes\": [\"registration.submitted\"]}");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.body()).contains("WEBHOOK_EVENT_TYPE_UNKNOWN");
        var metadata = put("/api/v1/partners/" + a + "/webhook", Onboarding.tokenOf(a),
                "{\"url\": \"http://169.254.169.254/latest/meta-data/\", \"eventTypes\": [\"dispute.ruled\"]}");
        assertThat(metadata.statusCode()).isEqualTo(400);
        assertThat(metadata.body()).contains("WEBHOOK_ADDRESS_NOT_PUBLIC");

        assertThat(delete("/api/v1/partners/" + a + "/webhook", Onboarding.tokenOf(a)).statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/partners/" + a + "/webhook", Onboarding.tokenOf(a)).statusCode()).isEqualTo(404);
        assertThat(delete("/api/v1/partners/" + a + "/webhook", Onboarding.tokenOf(a)).statusCode()).isEqualTo(404);
    }

    @Test
    void aRotatedSecretSignsAlongsideTheNewOneAndADeliveryCanBeSentAgain() throws Exception {
        String a = Onboarding.onboardGold(http);
        String token = Onboarding.tokenOf(a);
        WebhookEndpoint endpoint = endpoint();
        String oldSecret = subscribe(a, token, endpoint.url());
        var rotated = http.post("/api/v1/partners/" + a + "/webhook/rotate-secret", token, "");
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newSecret = rotated.text("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(rotated.text("previousSecretValidUntil")).isNotBlank();

        String id = submit(a, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("the approval", () -> endpoint.ofType("registration.approved").size() == 1);
        WebhookEndpoint.Received approved = endpoint.ofType("registration.approved").get(0);
        assertThat(approved.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertSignedWith(approved, newSecret);
        assertSignedWith(approved, oldSecret);

        JsonNode delivery = JSON.readTree(get("/api/v1/partners/" + a + "/webhook/deliveries?size=5", token).body())
                .get("items").get(0);
        var again = http.post("/api/v1/partners/" + a + "/webhook/deliveries/" + delivery.get("id").asText()
                + "/redeliver", token, "");
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        await("the approval sent again", () -> endpoint.ofType("registration.approved").size() == 2);
        assertThat(endpoint.ofType("registration.approved").get(1).eventId()).isEqualTo(approved.eventId());
        assertThat(http.post("/api/v1/partners/" + a + "/webhook/deliveries/" + java.util.UUID.randomUUID()
                + "/redeliver", token, "").status()).isEqualTo(404);
    }

    @Test
    void theDocumentedOpensslSnippetVerifiesARealDelivery() throws Exception {
        String a = Onboarding.onboardGold(http);
        WebhookEndpoint endpoint = endpoint();
        String secret = subscribe(a, Onboarding.tokenOf(a), endpoint.url());
        String id = submit(a, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("the approval", () -> endpoint.ofType("registration.approved").size() == 1);
        WebhookEndpoint.Received approved = endpoint.ofType("registration.approved").get(0);

        assertThat(runDocumentedSnippet(approved.signature(), approved.body(), secret)).isEqualTo("VALID");
        assertThat(runDocumentedSnippet(approved.signature(), approved.body().replace(id, "R-forged"), secret))
                .isEqualTo("INVALID");
        assertThat(runDocumentedSnippet(approved.signature(), approved.body(), "whsec_wrong")).isEqualTo("INVALID");
    }

    /**
     * A fan-out that crashed after adding deliveries but before its outbox rows were gone does it again: no second
     * delivery. An instance that died mid-attempt leaves its lease; once the lease has passed the delivery is sent
     * again.
     */
    @Test
    void aRepeatedFanOutAddsNoDeliveryAndAnAbandonedAttemptIsSentAgain() throws Exception {
        String a = Onboarding.onboardGold(http);
        WebhookEndpoint endpoint = endpoint();
        subscribe(a, Onboarding.tokenOf(a), endpoint.url());
        String id = submit(a, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("the approval", () -> endpoint.ofType("registration.approved").size() == 1);
        String eventId = endpoint.ofType("registration.approved").get(0).eventId();

        long globalIndex = jdbc.sql("SELECT globalindex FROM domainevententry WHERE eventidentifier = :id")
                .param("id", eventId).query(Long.class).single();
        jdbc.sql("INSERT INTO webhook_outbox (global_index) VALUES (:index)").param("index", globalIndex).update();
        await("the event fanned out again", () -> jdbc.sql(
                "SELECT count(*) FROM webhook_outbox WHERE global_index = :i").param("i", globalIndex)
                .query(Long.class).single() == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE partner_id = :p AND event_id = :e")
                .param("p", a).param("e", eventId).query(Long.class).single()).isEqualTo(1);

        // as a claimed delivery looks once its instance died and the lease passed
        jdbc.sql("""
                        UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now() - interval '1 second'
                        WHERE partner_id = :p AND event_id = :e""").param("p", a).param("e", eventId).update();
        await("the abandoned delivery sent again", () -> endpoint.ofType("registration.approved").size() == 2);
        assertThat(endpoint.ofType("registration.approved").get(1).eventId()).isEqualTo(eventId);
    }

    /**
     * One partner's endpoint takes the request and never answers (the test's read timeout is longer than the wait
     * below): another partner's delivery is sent meanwhile, while the first attempt is still in flight.
     */
    @Test
    void aHungEndpointDelaysNoOtherPartnersDeliveries() throws Exception {
        String slow = Onboarding.onboardGold(http);
        String other = Onboarding.onboardGold(http);
        WebhookEndpoint hung = endpoint();
        WebhookEndpoint healthy = endpoint();
        subscribe(slow, Onboarding.tokenOf(slow), hung.url());
        subscribe(other, Onboarding.tokenOf(other), healthy.url());
        hung.hold();

        String slowId = submit(slow, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + slowId + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("the hung endpoint took the approval", () -> hung.ofType("registration.approved").size() == 1);

        String otherId = submit(other, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + otherId + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("the other partner's approval", () -> healthy.ofType("registration.approved").size() == 1);
        assertThat(jdbc.sql("SELECT attempts FROM webhook_delivery WHERE partner_id = :p")
                .param("p", slow).query(Integer.class).list())
                .as("the hung endpoint's attempt is still in flight").containsExactly(0);

        hung.release();
        await("the held delivery settled", () -> jdbc.sql(
                "SELECT count(*) FROM webhook_delivery WHERE partner_id = :p AND status = 'DELIVERED'")
                .param("p", slow).query(Long.class).single() == 1);
    }

    /**
     * An endpoint that keeps failing: the delivery is retried, and once its retry period (24 hours from the event;
     * moved to now here, as it is 24 hours later) has passed it is FAILED, as the partner and ADMIN see it.
     */
    @Test
    void aDeliveryStillFailingAfterItsRetryPeriodIsFailedForThePartnerAndAdmin() throws Exception {
        String a = Onboarding.onboardGold(http);
        WebhookEndpoint endpoint = endpoint();
        subscribe(a, Onboarding.tokenOf(a), endpoint.url());
        for (int i = 0; i < 50; i++) {
            endpoint.answerNext(500);
        }
        String id = submit(a, Inns.random()).get("registrationId").asText();
        assertThat(http.post("/api/v1/registrations/" + id + "/approve", MANAGER, "{\"discountPercent\": 10}")
                .status()).isEqualTo(200);
        await("a retry after a 500", () -> endpoint.ofType("registration.approved").size() >= 2);
        String path = "/api/v1/partners/" + a + "/webhook/deliveries";
        JsonNode retrying = JSON.readTree(get(path, Onboarding.tokenOf(a)).body()).get("items").get(0);
        assertThat(retrying.get("status").asText()).isEqualTo("PENDING");
        assertThat(retrying.get("lastHttpStatus").asInt()).isEqualTo(500);

        jdbc.sql("UPDATE webhook_delivery SET retry_until = now() WHERE partner_id = :p").param("p", a).update();
        await("the delivery failed", () -> jdbc.sql(
                "SELECT count(*) FROM webhook_delivery WHERE partner_id = :p AND status = 'FAILED'")
                .param("p", a).query(Long.class).single() == 1);
        for (String token : List.of(Onboarding.tokenOf(a), Onboarding.ADMIN)) {
            var listed = get(path, token);
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode failed = JSON.readTree(listed.body()).get("items").get(0);
            assertThat(failed.get("eventType").asText()).isEqualTo("registration.approved");
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(failed.get("lastHttpStatus").asInt()).isEqualTo(500);
            assertThat(failed.path("nextAttemptAt").isMissingNode() || failed.get("nextAttemptAt").isNull())
                    .as(failed.toString()).isTrue();
        }
    }

    /** The shell block of docs/webhooks.md that runs openssl, as written there. */
    static String runDocumentedSnippet(String signature, String body, String secret) throws Exception {
        String doc = Files.readString(ProjectPaths.root().resolve("docs/webhooks.md"));
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(doc);
        String snippet = null;
        while (block.find()) {
            if (block.group(1).contains("openssl dgst")) {
                snippet = block.group(1);
            }
        }
        assertThat(snippet).as("the openssl snippet of docs/webhooks.md").isNotNull();
        Path dir = Files.createTempDirectory("webhook-openssl");
        Files.writeString(dir.resolve("body.json"), body, StandardCharsets.UTF_8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", snippet).directory(dir.toFile())
                .redirectErrorStream(true);
        bash.environment().put("SECRET", secret);
        bash.environment().put("SIG", signature);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    /** Sets the partner's webhook for every event type; returns the secret answered. */
    String subscribe(String partnerId, String token, String url) throws Exception {
        return subscribe(http, partnerId, token, url);
    }

    static String subscribe(HttpApi http, String partnerId, String token, String url) throws Exception {
        var answer = http.put("/api/v1/partners/" + partnerId + "/webhook", token, JSON.writeValueAsString(
                java.util.Map.of("url", url, "eventTypes", ALL_TYPES)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("url").asText()).isEqualTo(url);
        return answer.body().get("secret").asText();
    }

    JsonNode submit(String partnerId, String inn) {
        return submit(http, partnerId, inn);
    }

    static JsonNode submit(HttpApi http, String partnerId, String inn) {
        var answer = http.post("/api/v1/registrations", Onboarding.tokenOf(partnerId), """
                {"customer": {"legalName": "Webhook Customer", "country": "RU", "taxId": "%s"},
                 "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "1250000.00", "currency": "RUB"},
                 "expectedCloseDate": "%s"}""".formatted(inn, LocalDate.now().plusDays(60)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body();
    }

    /** What a receiver does: HMAC-SHA256(secret, "<t>.<raw body>") must equal one of the v1 values. */
    static void assertSignedWith(WebhookEndpoint.Received received, String secret) {
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : received.signature().split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        assertThat(t).as("timestamp").isNotNull();
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t))).isLessThan(300);
        assertThat(signatures).as(received.signature()).contains(hmac(secret, t + "." + received.body()));
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String path, String token, String json) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path, String token) throws Exception {
        return send(request(path, token).DELETE());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

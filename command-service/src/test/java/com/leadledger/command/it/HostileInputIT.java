package com.leadledger.command.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests (malformed JSON, wrong types, missing and extra fields, huge strings, Unicode tricks,
 * injection strings, invalid ids, dates, currencies and tax ids) sent to every command endpoint with a role that may
 * call it: every answer is 4xx problem+json, never 5xx, and nothing is recorded. Hostile request ids (too long,
 * control characters, CRLF injection, non-ASCII) on otherwise valid requests are never echoed and never become the
 * request, causation or correlation id of what is recorded.
 */
class HostileInputIT extends CommandServiceITBase {

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

    // ------------------------------------------------------------------ hostile request and correlation ids

    static final String REQUEST_ID = "X-Request-Id";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Header values a well-behaved HTTP client still sends (it refuses raw control characters other than tab, line
     * breaks and characters above U+00FF); UTF-8 goes on the wire as its bytes, each one an ISO-8859-1 character.
     */
    static Map<String, Map<String, String>> hostileIdHeaders() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("65 characters", Map.of(REQUEST_ID, "r".repeat(65)));
        cases.put("4000 characters", Map.of(CORRELATION_ID, "c".repeat(4000)));
        cases.put("a tab", Map.of(REQUEST_ID, "req\t1"));
        cases.put("a percent-encoded CRLF", Map.of(REQUEST_ID, "req-1%0d%0aX-Injected:%20yes"));
        cases.put("an escaped CRLF", Map.of(CORRELATION_ID, "req-1\\r\\nX-Injected: yes"));
        cases.put("spaces, quotes and a semicolon", Map.of(REQUEST_ID, "req 1\"; DROP TABLE x; --"));
        cases.put("ISO-8859-1", Map.of(REQUEST_ID, "r\u00e9q-1"));
        cases.put("UTF-8 Cyrillic", Map.of(REQUEST_ID, utf8OnTheWire("запрос-1")));
        cases.put("UTF-8 right-to-left override", Map.of(CORRELATION_ID, utf8OnTheWire("\u202ereq-1")));
        cases.put("both hostile", Map.of(REQUEST_ID, "r".repeat(65), CORRELATION_ID, utf8OnTheWire("ид-1")));
        return cases;
    }

    static String utf8OnTheWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void hostileRequestIdsAreDroppedNeverEchoedAndNeverBecomeAuditIds() throws Exception {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partner = DevTokens.mint("p2", List.of("PARTNER"), "P-H2");
        assertThat(http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"P-H2\", \"name\": \"H2\", "
                + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);

        for (var hostile : hostileIdHeaders().entrySet()) {
            HttpApi.Answer answer = http.post("/api/v1/registrations", partner, validRegistration(),
                    hostile.getValue());
            String what = "a request id with " + hostile.getKey() + ": " + abbreviate(answer.raw());
            assertThat(answer.status()).as(what).isEqualTo(201);
            String serverId = serverRequestId(answer, what);
            answer.headers().forEach((name, values) -> values.forEach(value -> hostile.getValue().values()
                    .forEach(sent -> assertThat(value).as(what + ", echoed in " + name).doesNotContain(sent))));
            assertThat(answer.headers()).as(what).doesNotContainKey("x-injected");

            JsonNode metadata = storedMetadata(answer.body().get("registrationId").asText());
            assertAuditIdsAreTheServers(metadata, serverId, what);
            assertThat(metadata.has("clientRequestId")).as(what + ": dropped, not kept").isFalse();
        }

        // a sane X-Correlation-Id beside a hostile X-Request-Id is kept, as the caller's reference only
        HttpApi.Answer answer = http.post("/api/v1/registrations", partner, validRegistration(),
                Map.of(REQUEST_ID, "req-1%0d%0aX-Injected:%20yes", CORRELATION_ID, "client-ref-7"));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        String serverId = serverRequestId(answer, answer.raw());
        JsonNode metadata = storedMetadata(answer.body().get("registrationId").asText());
        assertAuditIdsAreTheServers(metadata, serverId, answer.raw());
        assertThat(metadata.get("clientRequestId").asText()).isEqualTo("client-ref-7");
    }

    /**
     * Raw control characters and line breaks, which HTTP clients refuse to send: the server's HTTP connector
     * refuses a header value carrying a control character before any application code runs (nothing recorded, nothing
     * echoed); a line break ends the header early, leaving a sane id, kept only as the caller's reference, and a header
     * of the attacker's own that is never echoed.
     */
    @Test
    void rawControlCharactersAndLineBreaksInRequestIds() throws Exception {
        String partner = DevTokens.mint("p3", List.of("PARTNER"), "P-H3");
        HttpApi http = new HttpApi("http://localhost:" + port);
        assertThat(http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"P-H3\", \"name\": \"H3\", "
                + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("NUL", "req\u00001");
        refused.put("ESC (a terminal escape)", "req\u001b[31m1");
        refused.put("DEL", "req\u007f1");
        refused.put("a bare CR", "req-1\rX-Injected: yes");
        List<SplitHeader> splits = List.of(
                new SplitHeader("a bare LF", "req-1\nX-Injected: yes", "req-1"),
                new SplitHeader("CRLF", "req-1\r\nX-Injected: yes", "req-1"),
                new SplitHeader("a folded line", "req-1\r\n X-Injected: yes", null));
        for (String header : List.of(REQUEST_ID, CORRELATION_ID)) {
            for (var raw : refused.entrySet()) {
                String what = header + " with " + raw.getKey();
                long events = count("domainevententry");
                RawAnswer answer = rawPost("/api/v1/registrations", partner, validRegistration(),
                        header + ": " + raw.getValue());
                assertThat(answer.status()).as(what).isEqualTo(400);
                assertThat(answer.text()).as(what).doesNotContain(raw.getValue())
                        .doesNotContainIgnoringCase("injected");
                assertThat(count("domainevententry")).as(what + ": nothing recorded").isEqualTo(events);
            }
            for (SplitHeader split : splits) {
                String what = header + " with " + split.name();
                RawAnswer answer = rawPost("/api/v1/registrations", partner, validRegistration(),
                        header + ": " + split.value());
                assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(201);
                assertThat(answer.text()).as(what).doesNotContainIgnoringCase("injected");
                String serverId = answer.requestId();
                assertThat(UUID.fromString(serverId).toString()).as(what).isEqualTo(serverId);

                JsonNode metadata = storedMetadata(answer.registrationId());
                assertAuditIdsAreTheServers(metadata, serverId, what);
                if (split.keptAs() == null) {
                    assertThat(metadata.has("clientRequestId")).as(what + ": dropped").isFalse();
                } else {
                    assertThat(metadata.get("clientRequestId").asText()).as(what).isEqualTo(split.keptAs());
                }
            }
        }
    }

    /** A header value whose line break the connector reads as its end; {@code keptAs} the id that remains, if sane. */
    record SplitHeader(String name, String value, String keptAs) {
    }

    /** An answer as it came over the wire: status, and head and body as ISO-8859-1 text. */
    record RawAnswer(int status, String head, String body) {

        String text() {
            return head + "\r\n\r\n" + body;
        }

        /** The response's X-Request-Id. */
        String requestId() {
            Matcher id = Pattern.compile("(?im)^X-Request-Id: *(\\S+)$").matcher(head);
            assertThat(id.find()).as(head).isTrue();
            return id.group(1);
        }

        /** The registration id in the (possibly chunked) body. */
        String registrationId() {
            Matcher id = Pattern.compile("\"registrationId\":\"([^\"]+)\"").matcher(body);
            assertThat(id.find()).as(body).isTrue();
            return id.group(1);
        }
    }

    /** A POST written byte for byte, with one header line as given (ISO-8859-1), over a fresh connection. */
    RawAnswer rawPost(String path, String token, String json, String headerLine) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n" + headerLine + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? text : text.substring(0, end);
            return new RawAnswer(Integer.parseInt(responseHead.split(" ", 3)[1]), responseHead,
                    end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String validRegistration() {
        return """
                {"customer": {"legalName": "Target", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30));
    }

    /** The id the server gave the request: a UUID it generated, in the response's X-Request-Id. */
    static String serverRequestId(HttpApi.Answer answer, String what) {
        List<String> ids = answer.headers().getOrDefault("x-request-id", List.of());
        assertThat(ids).as(what).hasSize(1);
        assertThat(UUID.fromString(ids.get(0)).toString()).as(what).isEqualTo(ids.get(0));
        return ids.get(0);
    }

    static void assertAuditIdsAreTheServers(JsonNode metadata, String serverId, String what) {
        assertThat(List.of(metadata.path("requestId").asText(), metadata.path("causationId").asText(),
                metadata.path("correlationId").asText())).as(what + ": request, causation and correlation id")
                .containsOnly(serverId);
    }

    JsonNode storedMetadata(String registrationId) throws JsonProcessingException {
        return JSON.readTree(jdbc.sql("""
                        SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                        WHERE payloadtype LIKE '%RegistrationSubmitted'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'registrationId' = :id""")
                .param("id", registrationId).query(String.class).single());
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}

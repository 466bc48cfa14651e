package com.leadledger.command.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests (malformed JSON, wrong types, missing and extra fields, huge strings, Unicode tricks,
 * injection strings, invalid ids, dates, currencies and tax ids) sent to every command endpoint with a role that may
 * call it: every answer is the documented status and code for that body and endpoint, as problem+json, and nothing is
 * recorded. Hostile request ids (too long,
 * control characters, CRLF injection, non-ASCII) on otherwise valid requests are never echoed and never become the
 * request, causation or correlation id of what is recorded.
 */
class HostileInputIT extends CommandServiceITBase {

    static final String ADMIN = DevTokens.mint("admin", List.of("ADMIN"), null);
    static final String MANAGER = DevTokens.mint("manager", List.of("CHANNEL_MANAGER"), null);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** What a command endpoint takes, for what each hostile body means to it. */
    enum Endpoint {
        REGISTER, WITHDRAW(true), OUTCOME, EXTENSION_REQUEST, APPROVE, REJECT, GRANT_EXTENSION(true), SUPPORT,
        OPEN_DISPUTE, EVIDENCE, ESCALATE, APPEAL, RESPONDENT, ASSIGN, RULING, ONBOARD, TIER, PRODUCT_LINES,
        SUSPEND(true), REINSTATE(true), PUBLISH_POLICY;

        /** The body is optional: a readable, valid one reaches the command, which finds no such target (404). */
        final boolean optionalBody;

        Endpoint() {
            this(false);
        }

        Endpoint(boolean optionalBody) {
            this.optionalBody = optionalBody;
        }
    }

    /** The documented answer: status and machine-readable code. */
    record Expected(int status, String code) {

        static final Expected MALFORMED = new Expected(400, "MALFORMED_REQUEST");
        static final Expected INVALID = new Expected(400, "VALIDATION_FAILED");
        static final Expected NOT_FOUND = new Expected(404, "NOT_FOUND");
        static final Expected TOO_LARGE = new Expected(413, "PAYLOAD_TOO_LARGE");
        /** A path the HTTP layer refuses before any application code (an encoded NUL or slash). */
        static final Expected REFUSED_PATH = new Expected(400, "BAD_REQUEST");

        @Override
        public String toString() {
            return status + " " + code;
        }
    }

    /**
     * A hostile body and what each endpoint must answer to it (docs/api.md, docs/security.md): not a JSON object,
     * broken syntax or nested deeper than 32 levels is 400 {@code MALFORMED_REQUEST}; so is a body in which a field the
     * endpoint reads has the wrong JSON type, an unknown enum value, an unreadable date or number, or a NUL or a lone
     * surrogate ({@code mistypedFor}); over 64 KiB is 413 {@code PAYLOAD_TOO_LARGE}; any other body breaks a field rule,
     * 400 {@code VALIDATION_FAILED}, except for the endpoints whose body is optional, which read it as valid and find no
     * such target, 404 {@code NOT_FOUND}, unless the body breaks one of their own rules ({@code invalidFor}).
     */
    record Hostile(String body, Set<Endpoint> mistypedFor, Set<Endpoint> invalidFor) {

        static Hostile malformed(String body) {
            return new Hostile(body, EnumSet.allOf(Endpoint.class), Set.of());
        }

        static Hostile object(String body, Endpoint... mistypedFor) {
            return new Hostile(body, mistypedFor.length == 0 ? Set.of() : EnumSet.copyOf(List.of(mistypedFor)), Set.of());
        }

        Expected expectedFrom(Endpoint endpoint) {
            if (body.length() > 64 * 1024) {
                return Expected.TOO_LARGE;
            }
            if (mistypedFor.contains(endpoint)) {
                return Expected.MALFORMED;
            }
            if (endpoint.optionalBody && !invalidFor.contains(endpoint)) {
                return Expected.NOT_FOUND;
            }
            return Expected.INVALID;
        }
    }

    static final EnumSet<Endpoint> ALL = EnumSet.allOf(Endpoint.class);
    static final EnumSet<Endpoint> WITH_BODY = EnumSet.complementOf(
            EnumSet.of(Endpoint.WITHDRAW, Endpoint.GRANT_EXTENSION, Endpoint.SUSPEND, Endpoint.REINSTATE));

    static final List<Hostile> BODIES = List.of(
            Hostile.malformed("{"), Hostile.malformed("}"),
            // JSON null is no body at all: only the endpoints whose body is optional read it, and find no target
            new Hostile("null", WITH_BODY, Set.of()),
            Hostile.malformed("[]"), Hostile.malformed("\"text\""), Hostile.malformed("42"), Hostile.malformed("true"),
            Hostile.object("{}"),
            Hostile.malformed("{\"a\":}"), Hostile.malformed("{\"a\" 1}"), Hostile.malformed("{'single': 'quotes'}"),
            Hostile.object("{\"customer\": \"not an object\"}", Endpoint.REGISTER),
            Hostile.object("{\"customer\": {\"legalName\": 123, \"country\": true, \"taxId\": []}}", Endpoint.REGISTER),
            Hostile.object("{\"customer\": {\"legalName\": \"X\", \"country\": \"RU\", \"taxId\": \"７７０７０８３８９３\"}, \"productLine\": \"NETWORK_SECURITY\"}"),
            Hostile.object("{\"customer\": {\"legalName\": \"evil\\u0000name\", \"country\": \"RU\", \"taxId\": \"7707083893\"}}",
                    Endpoint.REGISTER),
            Hostile.object("{\"customer\": {\"legalName\": \"\\ud800broken\", \"country\": \"RU\", \"domain\": \"xn--.com\"}}",
                    Endpoint.REGISTER),
            Hostile.object("{\"customer\": {\"legalName\": \"\\u202eevil\", \"country\": \"RU\", \"domain\": \"ex\\u0430mple.com\"}}"),
            Hostile.object("{\"customer\": {\"legalName\": \"x'; DROP TABLE domainevententry; --\", \"country\": \"RU\", \"taxId\": \"1' OR '1'='1\"}}"),
            Hostile.object("{\"productLine\": \"NETWORK_SECURITY' OR 1=1 --\", \"estimatedValue\": {\"amount\": \"1e999\", \"currency\": \"RUB\"}}"),
            Hostile.object("{\"estimatedValue\": {\"amount\": \"NaN\", \"currency\": \"rub\"}, \"expectedCloseDate\": \"2027-02-30\"}",
                    Endpoint.REGISTER),
            Hostile.object("{\"estimatedValue\": {\"amount\": -5, \"currency\": \"XXX\"}, \"expectedCloseDate\": \"tomorrow\"}",
                    Endpoint.REGISTER),
            Hostile.object("{\"discountPercent\": \"lots\", \"protectionDays\": -1}", Endpoint.APPROVE),
            Hostile.object("{\"discountPercent\": 1e308, \"protectionDays\": 99999999999}", Endpoint.APPROVE),
            // an object where the note, a string, belongs
            Hostile.object("{\"reasonCode\": \"BECAUSE\", \"note\": {\"$gt\": \"\"}}", Endpoint.APPROVE, Endpoint.REJECT,
                    Endpoint.GRANT_EXTENSION, Endpoint.SUPPORT, Endpoint.SUSPEND, Endpoint.REINSTATE),
            Hostile.object("{\"action\": \"STEAL\", \"registrationId\": {\"$ne\": null}, \"evidenceSha256\": \"zz\"}",
                    Endpoint.SUPPORT, Endpoint.OPEN_DISPUTE, Endpoint.RESPONDENT),
            Hostile.object("{\"type\": \"HACK\", \"description\": [1,2,3], \"amounts\": \"many\"}", Endpoint.REGISTER,
                    Endpoint.OPEN_DISPUTE, Endpoint.EVIDENCE),
            // productLines: a list for partners, an object in a policy; a tier is a name the policy in force may
            // not define (a field rule)
            Hostile.object("{\"partnerId\": \"../../etc/passwd\", \"name\": \"\", \"tier\": \"DIAMOND\", \"productLines\": \"ALL\"}",
                    Endpoint.ONBOARD, Endpoint.PRODUCT_LINES, Endpoint.PUBLISH_POLICY),
            Hostile.object("{\"tier\": null, \"productLines\": [null, 1, {}]}", Endpoint.ONBOARD, Endpoint.PRODUCT_LINES,
                    Endpoint.PUBLISH_POLICY),
            Hostile.object("{\"outcome\": \"MAYBE\", \"rationale\": null, \"penaltyPoints\": -7}", Endpoint.RULING),
            Hostile.object("{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1,000\", \"currency\": \"€\"}}"),
            // numbers and booleans where the contract says string; otherwise a valid registration
            Hostile.object("{\"customer\": {\"legalName\": \"A\", \"country\": \"RU\", \"taxId\": 7707083893}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": 1250000, \"currency\": \"RUB\"}, \"expectedCloseDate\": \"" + LocalDate.now().plusDays(30) + "\"}",
                    Endpoint.REGISTER),
            Hostile.object("{\"customer\": {\"legalName\": false, \"country\": \"RU\", \"taxId\": \"7707083893\"}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": \"1250000\", \"currency\": \"RUB\"}, \"expectedCloseDate\": \"" + LocalDate.now().plusDays(30) + "\"}",
                    Endpoint.REGISTER),
            // a reason over 2,000 characters: a rule of the optional bodies that take a reason
            new Hostile("{\"reason\": \"" + "r".repeat(3000) + "\"}", Set.of(),
                    EnumSet.of(Endpoint.WITHDRAW, Endpoint.SUSPEND, Endpoint.REINSTATE)),
            Hostile.object("{\"description\": \"" + "d".repeat(70_000) + "\"}"),
            Hostile.malformed("{\"x\": " + "[".repeat(60) + "]".repeat(60) + "}"),
            Hostile.object("{\"customer\": {\"legalName\": \"A\", \"country\": \"RU\", \"taxId\": \"7707083893\"}, \"productLine\": \"NETWORK_SECURITY\", "
                    + "\"estimatedValue\": {\"amount\": \"1250000\", \"currency\": \"RUB\"}, \"expectedCloseDate\": \"1999-01-01\", "
                    + "\"partnerId\": \"P-OTHER\", \"acceptedAt\": \"2000-01-01T00:00:00Z\", \"position\": 1}"));

    /** One target: the path, the endpoint it is, and the role that may call it. */
    record Target(String path, Endpoint endpoint, String token) {

        /** An encoded NUL or slash in the path is refused by the HTTP layer, whatever the body. */
        boolean refusedPath() {
            return path.contains("%00") || path.contains("%2F");
        }
    }

    @Test
    void everyHostileRequestIsAnsweredWithItsDocumentedStatusAndCodeAndRecordsNothing() {
        HttpApi http = new HttpApi("http://localhost:" + port);
        String partnerId = "P-H1-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = DevTokens.mint("p", List.of("PARTNER"), partnerId);
        assertThat(http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partnerId + "\", \"name\": \"H\", "
                + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}").status()).isEqualTo(201);
        JsonNode registration = http.post("/api/v1/registrations", partner, """
                {"customer": {"legalName": "Target", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30))).body();
        String reg = registration.get("registrationId").asText();
        String opp = registration.get("opportunityId").asText();
        String dispute = http.post("/api/v1/disputes", partner, "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + reg + "\", \"description\": \"first\"}").body().get("disputeId").asText();
        String nobody = "P-NOBODY-" + UUID.randomUUID().toString().substring(0, 8);

        List<String> touched = List.of(opp, dispute, partnerId, nobody);
        long events = countFor("domainevententry", "aggregateidentifier", touched);
        long lookups = jdbc.sql("SELECT count(*) FROM registration_lookup WHERE partner_id = :p").param("p", partnerId)
                .query(Long.class).single();
        // nothing writes partners or policies asynchronously: the whole tables, for any partner or policy a hostile body
        // might have created under another name
        long partners = count("partner_registry");
        long policies = count("policy_version");

        List<Target> targets = new ArrayList<>();
        // the withdraw body is optional: against the real registration some of these bodies would be a valid request
        for (String id : List.of(UUID.randomUUID().toString(), "%27%20OR%201=1%20--", "%00", "..%2F..%2Fadmin")) {
            targets.add(new Target("/api/v1/registrations/" + id + "/withdraw", Endpoint.WITHDRAW, partner));
        }
        for (String id : List.of(reg, UUID.randomUUID().toString(), "%27%20OR%201=1%20--", "%00", "..%2F..%2Fadmin")) {
            targets.add(new Target("/api/v1/registrations/" + id + "/outcome", Endpoint.OUTCOME, partner));
            targets.add(new Target("/api/v1/registrations/" + id + "/extension-requests", Endpoint.EXTENSION_REQUEST,
                    partner));
            targets.add(new Target("/api/v1/registrations/" + id + "/approve", Endpoint.APPROVE, MANAGER));
            targets.add(new Target("/api/v1/registrations/" + id + "/reject", Endpoint.REJECT, MANAGER));
            targets.add(new Target("/api/v1/registrations/" + id + "/extension-requests/" + id + "/grant",
                    Endpoint.GRANT_EXTENSION, MANAGER));
        }
        targets.add(new Target("/api/v1/registrations", Endpoint.REGISTER, partner));
        targets.add(new Target("/api/v1/opportunities/" + opp + "/support", Endpoint.SUPPORT, MANAGER));
        targets.add(new Target("/api/v1/disputes", Endpoint.OPEN_DISPUTE, partner));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/evidence", Endpoint.EVIDENCE, partner));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/escalate", Endpoint.ESCALATE, partner));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/appeal", Endpoint.APPEAL, partner));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/respondent", Endpoint.RESPONDENT, MANAGER));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/assign", Endpoint.ASSIGN, MANAGER));
        targets.add(new Target("/api/v1/disputes/" + dispute + "/ruling", Endpoint.RULING, MANAGER));
        targets.add(new Target("/api/v1/partners", Endpoint.ONBOARD, ADMIN));
        targets.add(new Target("/api/v1/partners/" + partnerId + "/tier", Endpoint.TIER, ADMIN));
        targets.add(new Target("/api/v1/partners/" + partnerId + "/product-lines", Endpoint.PRODUCT_LINES, ADMIN));
        // suspend/reinstate take an optional body: aimed at a partner that does not exist
        targets.add(new Target("/api/v1/partners/" + nobody + "/suspend", Endpoint.SUSPEND, ADMIN));
        targets.add(new Target("/api/v1/partners/" + nobody + "/reinstate", Endpoint.REINSTATE, ADMIN));
        targets.add(new Target("/api/v1/policies", Endpoint.PUBLISH_POLICY, ADMIN));

        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (Target target : targets) {
            for (Hostile hostile : BODIES) {
                Expected expected = target.refusedPath() ? Expected.REFUSED_PATH : hostile.expectedFrom(target.endpoint());
                check(http.post(target.path(), target.token(), hostile.body(), Map.of()), expected, target,
                        hostile.body(), failures);
                sent++;
            }
            // another media type is not JSON: malformed for every endpoint
            check(http.post(target.path(), target.token(), "<xml/>", Map.of("Content-Type", "text/xml")),
                    target.refusedPath() ? Expected.REFUSED_PATH : Expected.MALFORMED, target, "text/xml", failures);
            sent++;
        }
        assertThat(sent).isEqualTo(targets.size() * (BODIES.size() + 1));
        assertThat(failures).as("requests not answered with their documented status and code").isEmpty();
        assertThat(countFor("domainevententry", "aggregateidentifier", touched)).as("no event recorded").isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM registration_lookup WHERE partner_id = :p").param("p", partnerId)
                .query(Long.class).single()).isEqualTo(lookups);
        assertThat(count("partner_registry")).isEqualTo(partners);
        assertThat(count("policy_version")).isEqualTo(policies);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    static void check(HttpApi.Answer answer, Expected expected, Target target, String body, List<String> failures) {
        Expected actual = new Expected(answer.status(), answer.body() == null ? null : answer.body().path("code").asText(null));
        if (!actual.equals(expected) || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
            failures.add(target.path() + " <- " + abbreviate(body) + ": expected " + expected + ", got " + actual + " "
                    + answer.contentType() + " " + abbreviate(answer.raw()));
        }
    }

    long countFor(String table, String column, List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " IN (:ids)").param("ids", ids)
                .query(Long.class).single();
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
        String partnerId = "P-H2-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = DevTokens.mint("p2", List.of("PARTNER"), partnerId);
        assertThat(http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partnerId + "\", \"name\": \"H2\", "
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
        String partnerId = "P-H3-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = DevTokens.mint("p3", List.of("PARTNER"), partnerId);
        HttpApi http = new HttpApi("http://localhost:" + port);
        assertThat(http.post("/api/v1/partners", ADMIN, "{\"partnerId\": \"" + partnerId + "\", \"name\": \"H3\", "
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

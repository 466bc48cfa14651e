package com.leadledger.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.command.checkpoint.CheckpointWriter;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint × every caller (no token, the owning partner, another partner, each vendor role), each with a
 * body the right caller would have had accepted: 401 {@code UNAUTHENTICATED} without a token, 403 {@code FORBIDDEN}
 * for a role that may not call it, 404 {@code NOT_FOUND} for another partner's registration or a dispute it is not a
 * party of (exactly like a missing one), 403 {@code NOT_DECIDER_OF_LEVEL} for staff of another level, and the
 * documented success for everyone else. A refused call records nothing.
 */
// Own context: the ADMIN cell of "publish policy" publishes a new policy version, which the shared context's tests must not see.
@DirtiesContext // close this context (Kafka clients, processors) while the shared servers are still up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadledger.rate-limit.per-second=0", "leadledger.rate-limit.read-per-second=0",
        "leadledger.rate-limit.anonymous-per-second=0"})
class AuthorizationMatrixIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "authz_it");
    }

    static final String PARTNER = "PARTNER";
    static final String MANAGER = "CHANNEL_MANAGER";
    static final String DIRECTOR = "CHANNEL_DIRECTOR";
    static final String COMMITTEE = "ARBITRATION_COMMITTEE";
    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";
    static final List<String> STAFF_ROLES = List.of(MANAGER, DIRECTOR, COMMITTEE);

    /** Who calls: no token, the partner that owns the target, another partner, and each vendor role. */
    static final String ANONYMOUS = "anonymous";
    static final String OWNER = "owning partner";
    static final String OTHER = "another partner";
    static final List<String> CALLERS = List.of(ANONYMOUS, OWNER, OTHER, MANAGER, DIRECTOR, COMMITTEE, AUDITOR, ADMIN);

    /** The documented answer of one cell; {@code code} null for a success. */
    record Expected(int status, String code) {

        boolean success() {
            return status < 300;
        }

        @Override
        public String toString() {
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    static final Expected UNAUTHENTICATED = new Expected(401, "UNAUTHENTICATED");
    static final Expected FORBIDDEN = new Expected(403, "FORBIDDEN");
    static final Expected NOT_FOUND = new Expected(404, "NOT_FOUND");
    static final Expected NOT_DECIDER = new Expected(403, "NOT_DECIDER_OF_LEVEL");
    static final Expected OK = new Expected(200, null);
    static final Expected CREATED = new Expected(201, null);

    /** What a call is aimed at; every call that should succeed gets a fresh one, so that no cell depends on another. */
    record Target(String registrationId, String opportunityId, String disputeId, String extensionId,
                  String partnerId) {

        List<String> aggregates() {
            return Stream.of(opportunityId, disputeId, partnerId).filter(Objects::nonNull).toList();
        }
    }

    @LocalServerPort
    int port;

    HttpApi http;
    String owner;
    String other;
    Map<String, String> tokens;
    List<String> wrong;

    static String token(String role) {
        return DevTokens.mint(role.toLowerCase() + "-user", List.of(role), null);
    }

    static String partnerToken(String partnerId) {
        return DevTokens.mint("user-of-" + partnerId, List.of(PARTNER), partnerId);
    }

    String onboard() {
        String partnerId = "P-M-" + UUID.randomUUID().toString().substring(0, 8);
        expect(http.post("/api/v1/partners", token(ADMIN), "{\"partnerId\": \"" + partnerId + "\", \"name\": \"X\", "
                + "\"tier\": \"GOLD\", \"productLines\": [\"NETWORK_SECURITY\"]}"), 201);
        return partnerId;
    }

    static String registrationBody() {
        return """
                {"customer": {"legalName": "Matrix", "country": "RU", "taxId": "%s"}, "productLine": "NETWORK_SECURITY",
                 "estimatedValue": {"amount": "500000", "currency": "RUB"}, "expectedCloseDate": "%s"}"""
                .formatted(Inns.random(), LocalDate.now().plusDays(30));
    }

    /** A registration of the owning partner, submitted. */
    Target submitted() {
        JsonNode reg = expect(http.post("/api/v1/registrations", partnerToken(owner), registrationBody()), 201).body();
        return new Target(reg.get("registrationId").asText(), reg.get("opportunityId").asText(), null, null, null);
    }

    Target approved() {
        Target target = submitted();
        expect(http.post("/api/v1/registrations/" + target.registrationId() + "/approve", token(MANAGER),
                "{\"discountPercent\": 5}"), 200);
        return target;
    }

    /** An approved registration won far below its registered value: flagged as possible dumping. */
    Target flagged() {
        Target target = approved();
        expect(http.post("/api/v1/registrations/" + target.registrationId() + "/outcome", partnerToken(owner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"200000\", \"currency\": \"RUB\"}}"), 200);
        return target;
    }

    Target extensionRequested() {
        Target target = approved();
        String extension = expect(http.post("/api/v1/registrations/" + target.registrationId() + "/extension-requests",
                partnerToken(owner), "{\"reason\": \"board meets later\", \"days\": 10}"), 201)
                .text("extensionRequestId");
        return new Target(target.registrationId(), target.opportunityId(), null, extension, null);
    }

    /** A dispute the owning partner opened about its own registration, at level 1. */
    Target disputed() {
        Target target = submitted();
        String dispute = expect(http.post("/api/v1/disputes", partnerToken(owner), "{\"type\": \"DUPLICATE_CLAIM\", "
                + "\"registrationId\": \"" + target.registrationId() + "\", \"description\": \"x\"}"), 201)
                .text("disputeId");
        return new Target(target.registrationId(), target.opportunityId(), dispute, null, null);
    }

    /** A dispute moved up by staff to {@code level}. */
    Target disputedAtLevel(int level) {
        Target target = disputed();
        for (int at = 1; at < level; at++) {
            expect(http.post("/api/v1/disputes/" + target.disputeId() + "/escalate", token(STAFF_ROLES.get(at - 1)),
                    "{\"reason\": \"up\"}"), 200);
        }
        return target;
    }

    /** A dispute the level-1 decider dismissed: open to appeal. */
    Target ruled() {
        Target target = disputed();
        expect(http.post("/api/v1/disputes/" + target.disputeId() + "/ruling", token(MANAGER),
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"no case\"}"), 200);
        return target;
    }

    static Target nothing() {
        return new Target(null, null, null, null, null);
    }

    Target partner() {
        return new Target(null, null, null, null, onboard());
    }

    Target suspendedPartner() {
        Target target = partner();
        expect(http.post("/api/v1/partners/" + target.partnerId() + "/suspend", token(ADMIN), "{\"reason\": \"x\"}"),
                200);
        return target;
    }

    HttpApi.Answer expect(HttpApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        return answer;
    }

    /** Every caller but those named gets {@code otherwise}; the named ones what follows their name. */
    static Map<String, Expected> answers(Expected otherwise, Object... callersAndAnswers) {
        Map<String, Expected> answers = new LinkedHashMap<>();
        CALLERS.forEach(caller -> answers.put(caller, otherwise));
        answers.put(ANONYMOUS, UNAUTHENTICATED);
        for (int i = 0; i < callersAndAnswers.length; i += 2) {
            answers.put((String) callersAndAnswers[i], (Expected) callersAndAnswers[i + 1]);
        }
        return answers;
    }

    static Object[] staff(Expected answer) {
        return new Object[]{MANAGER, answer, DIRECTOR, answer, COMMITTEE, answer};
    }

    static Object[] concat(Object[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray();
    }

    /**
     * One endpoint against every caller, each with a body that the right caller would have accepted. A caller that
     * should succeed gets a fresh target; the refused ones share one, on which nothing may be recorded.
     */
    void cell(String endpoint, Supplier<Target> fresh, Function<Target, String> path, Function<Target, String> body,
              Map<String, Expected> answers, JdbcClient jdbc) {
        Target shared = null;
        for (var caller : answers.entrySet()) {
            Expected expected = caller.getValue();
            Target target;
            if (expected.success()) {
                target = fresh.get();
            } else {
                shared = shared == null ? fresh.get() : shared;
                target = shared;
            }
            long before = eventsOf(target, jdbc);
            HttpApi.Answer answer = http.post(path.apply(target), tokens.get(caller.getKey()), body.apply(target));
            Expected actual = new Expected(answer.status(),
                    answer.status() < 300 || answer.body() == null ? null : answer.body().path("code").asText(null));
            if (!actual.equals(expected)) {
                wrong.add(endpoint + " as " + caller.getKey() + ": expected " + expected + ", got " + actual + " "
                        + answer.raw());
            } else if (!expected.success() && eventsOf(target, jdbc) != before) {
                wrong.add(endpoint + " as " + caller.getKey() + ": refused, but recorded an event");
            }
        }
    }

    static long eventsOf(Target target, JdbcClient jdbc) {
        List<String> aggregates = target.aggregates();
        return aggregates.isEmpty() ? 0 : jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:ids)")
                .param("ids", aggregates).query(Long.class).single();
    }

    @BeforeEach
    void callers() {
        http = new HttpApi("http://localhost:" + port);
        owner = onboard();
        other = onboard();
        tokens = new LinkedHashMap<>();
        tokens.put(ANONYMOUS, null);
        tokens.put(OWNER, partnerToken(owner));
        tokens.put(OTHER, partnerToken(other));
        for (String role : List.of(MANAGER, DIRECTOR, COMMITTEE, AUDITOR, ADMIN)) {
            tokens.put(role, token(role));
        }
        wrong = new ArrayList<>();
    }

    /**
     * Every command endpoint × every caller with a valid body, so that each cell reaches the check it is about: the
     * role, the ownership of the registration (another partner's is 404 {@code NOT_FOUND}, like a missing one), being
     * a party of the dispute, and being the decider of the dispute's level ({@code NOT_DECIDER_OF_LEVEL}).
     */
    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays(@Autowired JdbcClient jdbc,
                                                         @Autowired CheckpointWriter checkpoints) {
        String registration = "/api/v1/registrations/";
        String dispute = "/api/v1/disputes/";
        cell("submit", AuthorizationMatrixIT::nothing, t -> "/api/v1/registrations", t -> registrationBody(),
                answers(FORBIDDEN, OWNER, CREATED, OTHER, CREATED), jdbc);
        cell("withdraw", this::submitted, t -> registration + t.registrationId() + "/withdraw",
                t -> "{\"reason\": \"postponed\"}", answers(FORBIDDEN, OWNER, OK, OTHER, NOT_FOUND), jdbc);
        cell("outcome", this::approved, t -> registration + t.registrationId() + "/outcome",
                t -> "{\"result\": \"LOST\", \"reason\": \"budget cut\"}", answers(FORBIDDEN, OWNER, OK, OTHER, NOT_FOUND), jdbc);
        cell("extension request", this::approved, t -> registration + t.registrationId() + "/extension-requests",
                t -> "{\"reason\": \"board meets later\", \"days\": 10}",
                answers(FORBIDDEN, OWNER, CREATED, OTHER, NOT_FOUND), jdbc);
        cell("approve", this::submitted, t -> registration + t.registrationId() + "/approve",
                t -> "{\"discountPercent\": 5}", answers(FORBIDDEN, staff(OK)), jdbc);
        cell("reject", this::submitted, t -> registration + t.registrationId() + "/reject",
                t -> "{\"reasonCode\": \"INELIGIBLE\"}", answers(FORBIDDEN, staff(OK)), jdbc);
        for (String decision : List.of("grant", "refuse")) {
            cell(decision + " extension", this::extensionRequested,
                    t -> registration + t.registrationId() + "/extension-requests/" + t.extensionId() + "/" + decision,
                    t -> "{\"note\": \"ok\"}", answers(FORBIDDEN, staff(OK)), jdbc);
        }
        cell("grant support", this::approved, t -> "/api/v1/opportunities/" + t.opportunityId() + "/support",
                t -> "{\"action\": \"GRANT\", \"registrationId\": \"" + t.registrationId() + "\"}",
                answers(FORBIDDEN, staff(OK)), jdbc);
        cell("support evidence", this::approved, t -> "/api/v1/opportunities/" + t.opportunityId() + "/support/evidence",
                t -> "{\"sha256\": \"" + randomSha256() + "\", \"name\": \"customer letter\"}",
                answers(FORBIDDEN, staff(CREATED)), jdbc);
        cell("open dispute", this::submitted, t -> "/api/v1/disputes", t -> "{\"type\": \"DUPLICATE_CLAIM\", "
                + "\"registrationId\": \"" + t.registrationId() + "\", \"description\": \"x\"}", answers(FORBIDDEN,
                concat(new Object[]{OWNER, CREATED, OTHER, NOT_FOUND}, staff(CREATED))), jdbc);
        cell("evidence", this::disputed, t -> dispute + t.disputeId() + "/evidence",
                t -> "{\"description\": \"the quote\"}",
                answers(FORBIDDEN, concat(new Object[]{OWNER, CREATED, OTHER, NOT_FOUND}, staff(CREATED))), jdbc);
        cell("escalate", this::disputed, t -> dispute + t.disputeId() + "/escalate", t -> "{\"reason\": \"urgent\"}",
                answers(FORBIDDEN, concat(new Object[]{OWNER, OK, OTHER, NOT_FOUND}, staff(OK))), jdbc);
        cell("link respondent", this::disputed, t -> dispute + t.disputeId() + "/respondent",
                t -> "{\"partnerId\": \"" + other + "\"}", answers(FORBIDDEN, staff(OK)), jdbc);
        List<Expected> notDecider = List.of(NOT_DECIDER, NOT_DECIDER, NOT_DECIDER);
        for (int level = 1; level <= 3; level++) {
            int at = level;
            List<Expected> deciders = new ArrayList<>(notDecider);
            deciders.set(level - 1, OK);
            Object[] staffAnswers = {MANAGER, deciders.get(0), DIRECTOR, deciders.get(1), COMMITTEE, deciders.get(2)};
            cell("assign at level " + level, () -> disputedAtLevel(at), t -> dispute + t.disputeId() + "/assign",
                    t -> "{\"assignee\": \"someone\"}", answers(FORBIDDEN, staffAnswers), jdbc);
            cell("ruling at level " + level, () -> disputedAtLevel(at), t -> dispute + t.disputeId() + "/ruling",
                    t -> "{\"outcome\": \"DISMISSED\", \"rationale\": \"no case\"}", answers(FORBIDDEN, staffAnswers),
                    jdbc);
        }
        cell("appeal", this::ruled, t -> dispute + t.disputeId() + "/appeal", t -> "{\"reason\": \"unfair\"}",
                answers(FORBIDDEN, OWNER, OK, OTHER, NOT_FOUND), jdbc);
        cell("dispute from dumping flag", this::flagged,
                t -> "/api/v1/dumping-flags/DF-" + t.registrationId() + "/dispute", t -> "{}",
                answers(FORBIDDEN, staff(CREATED)), jdbc);
        cell("dismiss dumping flag", this::flagged,
                t -> "/api/v1/dumping-flags/DF-" + t.registrationId() + "/dismissal", t -> "{\"reason\": \"ok\"}",
                answers(FORBIDDEN, staff(OK)), jdbc);
        cell("onboard", AuthorizationMatrixIT::nothing, t -> "/api/v1/partners", t -> "{\"partnerId\": \"P-M-"
                + UUID.randomUUID().toString().substring(0, 8) + "\", \"name\": \"New\", \"tier\": \"SILVER\", "
                + "\"productLines\": [\"COLLABORATION\"]}", answers(FORBIDDEN, ADMIN, CREATED), jdbc);
        cell("tier", this::partner, t -> "/api/v1/partners/" + t.partnerId() + "/tier", t -> "{\"tier\": \"SILVER\"}",
                answers(FORBIDDEN, ADMIN, OK), jdbc);
        cell("product lines", this::partner, t -> "/api/v1/partners/" + t.partnerId() + "/product-lines",
                t -> "{\"productLines\": [\"DATA_CENTER\"]}", answers(FORBIDDEN, ADMIN, OK), jdbc);
        cell("suspend", this::partner, t -> "/api/v1/partners/" + t.partnerId() + "/suspend",
                t -> "{\"reason\": \"review\"}", answers(FORBIDDEN, ADMIN, OK), jdbc);
        cell("reinstate", this::suspendedPartner, t -> "/api/v1/partners/" + t.partnerId() + "/reinstate",
                t -> "{\"reason\": \"renewed\"}", answers(FORBIDDEN, ADMIN, OK), jdbc);
        String currentPolicy = http.get("/api/v1/policies/current", token(ADMIN)).body().get("policy").toString();
        cell("publish policy", AuthorizationMatrixIT::nothing, t -> "/api/v1/policies",
                t -> currentPolicy, answers(FORBIDDEN, ADMIN, CREATED), jdbc);
        assertThat(wrong).isEmpty();

        for (String get : List.of("/api/v1/policies/current", "/api/v1/policies/1")) {
            assertThat(http.get(get, null).status()).isEqualTo(401);
            for (var caller : tokens.entrySet()) {
                if (caller.getValue() != null) {
                    assertThat(http.get(get, caller.getValue()).status()).as(caller.getKey() + " " + get).isEqualTo(200);
                }
            }
        }
        assertThat(http.get("/api/v1/audit/keys", null).status()).isEqualTo(200);
        Target sealed = submitted();
        checkpoints.writeDue();
        String eventId = jdbc.sql("SELECT eventidentifier FROM domainevententry ORDER BY globalindex LIMIT 1")
                .query(String.class).single();
        // a partner's sealed receipt: the owner and auditors; another partner's is missing to it
        String receipt = "/api/v1/registrations/" + sealed.registrationId() + "/receipt/sealed";
        for (var caller : tokens.entrySet()) {
            int expected = switch (caller.getKey()) {
                case ANONYMOUS -> 401;
                case OWNER, AUDITOR -> 200;
                case OTHER -> 404;
                default -> 403;
            };
            assertThat(http.get(receipt, caller.getValue()).status()).as(caller.getKey() + " " + receipt)
                    .isEqualTo(expected);
        }
        for (String get : List.of("/api/v1/audit/checkpoints", "/api/v1/audit/heads", "/api/v1/audit/heads/after?globalIndex=0",
                "/api/v1/audit/checkpoints/1/proof?eventId=" + eventId,
                "/api/v1/audit/checkpoints/consistency?from=1&to=1")) {
            assertThat(http.get(get, null).status()).isEqualTo(401);
            for (var caller : tokens.entrySet()) {
                if (caller.getValue() != null) {
                    var answer = http.get(get, caller.getValue());
                    assertThat(answer.status()).as(caller.getKey() + " " + get)
                            .isEqualTo(caller.getKey().equals(AUDITOR) ? 200 : 403);
                }
            }
        }
    }

    static String randomSha256() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @Test
    void anotherPartnersObjectsLookExactlyLikeMissingOnes() {
        String partnerB = partnerToken(other);
        String r = submitted().registrationId();
        String d = http.post("/api/v1/disputes", partnerToken(owner), "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
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
            assertThat(foreign.text("code")).as(entry.getKey()).isEqualTo("NOT_FOUND");
            ((ObjectNode) foreign.body()).remove("instance");
            ((ObjectNode) absent.body()).remove("instance");
            assertThat(foreign.body()).as(entry.getKey()).isEqualTo(absent.body());
        }
        var ownDispute = http.post("/api/v1/disputes", partnerB, "{\"type\": \"DUPLICATE_CLAIM\", \"registrationId\": \""
                + r + "\", \"description\": \"not mine\"}");
        assertThat(ownDispute.status()).as("a dispute about another partner's registration").isEqualTo(404);
        assertThat(ownDispute.text("code")).isEqualTo("NOT_FOUND");
    }
}

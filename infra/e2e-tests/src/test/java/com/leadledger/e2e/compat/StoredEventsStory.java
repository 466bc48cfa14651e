package com.leadledger.e2e.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.testsupport.HttpApi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static com.leadledger.e2e.compat.Callers.ADMIN;
import static com.leadledger.e2e.compat.Callers.COMMITTEE;
import static com.leadledger.e2e.compat.Callers.DIRECTOR;
import static com.leadledger.e2e.compat.Callers.MANAGER;
import static com.leadledger.e2e.compat.Callers.partner;
import static org.awaitility.Awaitility.await;

/**
 * A small but complete history, told through the public HTTP API with the dev tokens so that every event type occurs:
 * the partner registry and a policy version 2; registrations competing for shared opportunities, reviewed, withdrawn,
 * extended, expired, won and lost; vendor support granted, moved and withdrawn; disputes opened, escalated (by a party
 * and by a missed SLA), ruled with effects and reversed on appeal. Deadlines days away are brought forward in the
 * deadline store, as waiting would; their handlers run unchanged.
 */
final class StoredEventsStory {

    static final String A = "P-1001"; // demo partner, GOLD, every product line
    static final String B = "P-1002"; // demo partner, SILVER, every product line
    static final String C = "P-1003"; // demo partner, REGISTERED, COLLABORATION and NETWORK_SECURITY
    static final String D = "P-2001"; // onboarded here
    static final String POLICY_STREAM = "leadledger-policy";

    private final ServicePair services;
    private final HttpApi command;
    private final HttpApi query;
    private final Map<String, String> registrations = new LinkedHashMap<>();
    private final Map<String, String> opportunities = new LinkedHashMap<>();
    private final Map<String, String> disputes = new LinkedHashMap<>();

    StoredEventsStory(ServicePair services) {
        this.services = services;
        this.command = services.commandApi();
        this.query = services.queryApi();
    }

    /**
     * The ids the story created, by label, and the instant of the point-in-time reads.
     *
     * @param registrations label (opportunity label + partner letter) → registration id
     * @param opportunities label → opportunity id
     * @param disputes      label → dispute id
     */
    record Told(Map<String, String> registrations, Map<String, String> opportunities, Map<String, String> disputes,
                List<String> partners, Instant asOf) {
    }

    Told tell() {
        partnerRegistry();
        firstToRegister();
        Instant asOf = pointInTime();
        policyVersion2();
        rulingNamesTheRightfulRegistration();
        priceDumpingUpheldThenReversedOnAppeal();
        reviewEscalatesUpTheLadder();
        theLineMovesOn();
        return new Told(Map.copyOf(registrations), Map.copyOf(opportunities), Map.copyOf(disputes),
                List.of(A, B, C, D), asOf);
    }

    // ------------------------------------------------------------------ chapters

    private void partnerRegistry() {
        created(post("/api/v1/partners", ADMIN, """
                {"partnerId": "%s", "name": "Delta Networks", "tier": "PLATINUM", "productLines": ["DATA_CENTER"],
                 "webhookUrl": "https://delta-networks.example/leadledger"}""".formatted(D)));
        ok(post("/api/v1/partners/" + D + "/tier", ADMIN, "{\"tier\": \"GOLD\"}"));
        ok(post("/api/v1/partners/" + D + "/product-lines", ADMIN,
                "{\"productLines\": [\"DATA_CENTER\", \"CLOUD_SERVICES\"]}"));
        ok(post("/api/v1/partners/" + D + "/suspend", ADMIN, "{\"reason\": \"contract under review\"}"));
        ok(post("/api/v1/partners/" + D + "/reinstate", ADMIN, "{\"note\": \"contract renewed\"}"));
    }

    /** Three partners register one customer; the first is approved, supported and extended, the third rejected. */
    private void firstToRegister() {
        submit("ranked", A, """
                {"legalName": "ООО «Ромашка»", "country": "RU", "taxId": "7707083893", "domain": "romashka.ru"}""",
                "NETWORK_SECURITY", "1250000.00", "RUB", "Firewall refresh for 12 branches");
        submit("ranked", B, """
                {"legalName": "Romashka LLC", "country": "RU", "taxId": "77-0708-3893"}""",
                "NETWORK_SECURITY", "990000", "RUB", null);
        submit("ranked", C, """
                {"legalName": "АО «Ромашка»", "country": "RU", "taxId": "7707083893", "region": "Moscow"}""",
                "NETWORK_SECURITY", "400000", "RUB", "Branch office firewalls");
        String first = registrations.get("ranked-A");
        ok(post("/api/v1/registrations/" + first + "/approve", MANAGER,
                "{\"discountPercent\": 12.5, \"note\": \"first to register\"}"));
        ok(post("/api/v1/opportunities/" + opportunities.get("ranked") + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + first + "\", \"note\": \"presales help\"}"));
        ok(post("/api/v1/registrations/" + registrations.get("ranked-C") + "/reject", MANAGER,
                "{\"reasonCode\": \"ALREADY_REGISTERED\"}"));
        String refused = created(post("/api/v1/registrations/" + first + "/extension-requests", partner(A),
                "{\"reason\": \"customer board meets next month\", \"days\": 30}")).text("extensionRequestId");
        ok(post("/api/v1/registrations/" + first + "/extension-requests/" + refused + "/refuse", MANAGER,
                "{\"note\": \"the board date is not confirmed\"}"));
        String granted = created(post("/api/v1/registrations/" + first + "/extension-requests", partner(A),
                "{\"reason\": \"board date confirmed in writing\", \"days\": 20}")).text("extensionRequestId");
        ok(post("/api/v1/registrations/" + first + "/extension-requests/" + granted + "/grant", MANAGER,
                "{\"note\": \"confirmed\"}"));
        disputes.put("claim", created(post("/api/v1/disputes", partner(B), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s",
                 "description": "We presented to the customer months before the other registration."}"""
                .formatted(registrations.get("ranked-B")))).text("disputeId"));
    }

    /** An instant between two events: everything before it is on the query side, nothing after it is stored yet. */
    private Instant pointInTime() {
        awaitQuery("/api/v1/disputes/" + disputes.get("claim"), DIRECTOR, d -> true);
        awaitQuery("/api/v1/registrations/" + registrations.get("ranked-A"), MANAGER,
                r -> r.path("extensionsGranted").asInt() == 1);
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The policy in force with a longer review SLA and two holidays, published complete as version 2. */
    private void policyVersion2() {
        ObjectNode policy = (ObjectNode) command.get("/api/v1/policies/current", Callers.token(ADMIN)).body()
                .get("policy").deepCopy();
        policy.put("reviewSlaBusinessDays", 3);
        ((ObjectNode) policy.get("calendar")).putArray("holidays").add("2027-01-01").add("2027-01-07");
        HttpApi.Answer published = created(post("/api/v1/policies", ADMIN, policy.toString()));
        require(published.body().get("version").asLong() == 2, "policy version 2", published);
    }

    /**
     * The claim is upheld naming the second registration rightful, which is then approved and gets the vendor's
     * support; the first partner contests the move (left open at level 2) and loses its deal, the second wins it.
     */
    private void rulingNamesTheRightfulRegistration() {
        String second = registrations.get("ranked-B");
        String first = registrations.get("ranked-A");
        String claim = disputes.get("claim");
        ok(post("/api/v1/disputes/" + claim + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "Earlier engagement proven by the meeting minutes.",
                 "rightfulRegistrationId": "%s"}""".formatted(second)));
        awaitOk(() -> post("/api/v1/registrations/" + second + "/approve", MANAGER,
                "{\"discountPercent\": 7.5, \"rulingDisputeId\": \"" + claim + "\"}"));
        ok(post("/api/v1/opportunities/" + opportunities.get("ranked") + "/support", MANAGER, """
                {"action": "MOVE", "registrationId": "%s", "reasonCode": "CUSTOMER_WRITTEN_PREFERENCE",
                 "evidenceSha256": "%s", "note": "customer letter of 1 December"}""".formatted(second,
                "A1".repeat(32))));
        disputes.put("override", created(post("/api/v1/disputes", partner(A), """
                {"type": "SUPPORT_OVERRIDE", "registrationId": "%s",
                 "description": "Support was moved away while our registration was protected."}"""
                .formatted(first))).text("disputeId"));
        ok(post("/api/v1/disputes/" + disputes.get("override") + "/escalate", partner(A),
                "{\"reason\": \"The customer letter was solicited by the other partner.\"}"));
        ok(post("/api/v1/registrations/" + first + "/outcome", partner(A),
                "{\"result\": \"LOST\", \"reason\": \"the customer chose another offer\"}"));
        ok(post("/api/v1/registrations/" + second + "/outcome", partner(B),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1180000.00\", \"currency\": \"RUB\"}}"));
    }

    /**
     * A complains that B undercut it; evidence from both parties, B linked as respondent, the level-1 SLA missed, the
     * director upholds with a revocation and penalty points; B appeals and the committee dismisses, which reverses both.
     */
    private void priceDumpingUpheldThenReversedOnAppeal() {
        String customer = """
                {"legalName": "ООО «Вектор»", "country": "RU", "taxId": "5027001018"}""";
        String complainant = submit("dumping-a", A, customer, "NETWORK_SECURITY", "1250000.00", "RUB", null);
        String respondent = submit("dumping-b", B, customer, "DATA_CENTER", "2000000", "RUB", "Two server rooms");
        ok(post("/api/v1/registrations/" + complainant + "/approve", MANAGER, "{\"discountPercent\": 15}"));
        ok(post("/api/v1/opportunities/" + opportunities.get("dumping-a") + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + complainant + "\"}"));
        ok(post("/api/v1/registrations/" + respondent + "/approve", MANAGER, "{\"discountPercent\": 5}"));
        String dispute = created(post("/api/v1/disputes", partner(A), """
                {"type": "PRICE_DUMPING", "registrationId": "%s",
                 "description": "The customer received an offer 18 %% below list from another partner.",
                 "amounts": {"quotedPrice": {"amount": "1187500.00", "currency": "RUB"},
                             "allegedPrice": {"amount": "1025000.00", "currency": "RUB"},
                             "entitledDiscountPercent": 5}}""".formatted(complainant))).text("disputeId");
        disputes.put("dumping", dispute);
        created(post("/api/v1/disputes/" + dispute + "/evidence", partner(A), """
                {"description": "the customer's forwarded offer",
                 "documents": [{"name": "offer.pdf", "sha256": "%s",
                                "link": "https://files.alpha.example/offer.pdf"}]}""".formatted("3f".repeat(32))));
        ok(post("/api/v1/disputes/" + dispute + "/respondent", MANAGER,
                "{\"partnerId\": \"" + B + "\", \"registrationId\": \"" + respondent + "\"}"));
        ok(post("/api/v1/disputes/" + dispute + "/assign", MANAGER, "{\"assignee\": \"channel_manager-1\"}"));
        created(post("/api/v1/disputes/" + dispute + "/evidence", partner(B), """
                {"description": "Our quote followed the vendor's November promotion.",
                 "amounts": {"quotedPrice": {"amount": "1900000", "currency": "RUB"}},
                 "documents": [{"name": "promotion.pdf", "sha256": "%s"}]}""".formatted("5e".repeat(32))));
        bringDeadlineForward("dispute-sla", dispute);
        awaitQuery("/api/v1/disputes/" + dispute, DIRECTOR, d -> d.path("level").asInt() == 2);
        ok(post("/api/v1/disputes/" + dispute + "/ruling", DIRECTOR, """
                {"outcome": "UPHELD", "rationale": "The offer undercut the list price far beyond the 5 % the \
                respondent was entitled to.", "revokeRespondentProtection": true, "penaltyPoints": 10}"""));
        awaitQuery("/api/v1/partners/" + B, MANAGER, p -> p.path("penaltyPoints").asInt() == 10);
        awaitQuery("/api/v1/registrations/" + respondent, MANAGER, r -> "REVOKED".equals(r.path("status").asText()));
        ok(post("/api/v1/disputes/" + dispute + "/appeal", partner(B),
                "{\"reason\": \"The discount was approved by the vendor in writing.\"}"));
        ok(post("/api/v1/disputes/" + dispute + "/ruling", COMMITTEE,
                "{\"outcome\": \"DISMISSED\", \"rationale\": \"The vendor's written approval covered the quote.\"}"));
        awaitQuery("/api/v1/partners/" + B, MANAGER, p -> p.path("penaltyPoints").asInt() == 0);
        awaitQuery("/api/v1/registrations/" + respondent, MANAGER, r -> "APPROVED".equals(r.path("status").asText()));
    }

    /** One customer registered by tax id and by a similar name with a domain; the latter escalates to level 3. */
    private void reviewEscalatesUpTheLadder() {
        submit("duplicate-inn", A, """
                {"legalName": "ООО «Василёк-Трейд»", "country": "RU", "taxId": "7810001238"}""",
                "COLLABORATION", "450000", "RUB", null);
        String byDomain = submit("duplicate-domain", C, """
                {"legalName": "Vasilek Trade LLC", "country": "RU", "domain": "https://www.vasilek-trade.ru/"}""",
                "COLLABORATION", "300000", "RUB", "Video conferencing for 40 rooms");
        for (int level = 2; level <= 3; level++) {
            int expected = level;
            bringDeadlineForward("review-sla", byDomain);
            awaitQuery("/api/v1/registrations/" + byDomain, MANAGER, r -> r.path("reviewLevel").asInt() == expected);
        }
    }

    /**
     * The first registration is withdrawn, the second becomes reviewable, is approved and supported, and expires; the
     * third becomes reviewable and the vendor withdraws its support.
     */
    private void theLineMovesOn() {
        String first = submit("moving", A, """
                {"legalName": "ПАО «Уралсеть»", "country": "RU", "taxId": "6604005676"}""",
                "CLOUD_SERVICES", "800000", "RUB", null);
        String second = submit("moving", B, """
                {"legalName": "Uralset PJSC", "country": "RU", "taxId": "6604005676", "domain": "uralset.ru"}""",
                "CLOUD_SERVICES", "750000", "RUB", null);
        submit("moving", D, """
                {"legalName": "Uralset", "country": "RU", "taxId": "6604005676"}""",
                "CLOUD_SERVICES", "12000", "USD", "Private cloud migration");
        ok(post("/api/v1/registrations/" + first + "/withdraw", partner(A),
                "{\"reason\": \"the customer postponed the project\"}"));
        ok(post("/api/v1/registrations/" + second + "/approve", MANAGER,
                "{\"discountPercent\": 10, \"protectionDays\": 60}"));
        ok(post("/api/v1/opportunities/" + opportunities.get("moving") + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + second + "\"}"));
        bringDeadlineForward("protection-expiry", second);
        awaitQuery("/api/v1/registrations/" + second, MANAGER, r -> "EXPIRED".equals(r.path("status").asText()));
        ok(post("/api/v1/opportunities/" + opportunities.get("moving") + "/support", MANAGER,
                "{\"action\": \"WITHDRAW\", \"reasonCode\": \"PROTECTION_EXPIRED\", \"note\": \"protection ended\"}"));
    }

    // ------------------------------------------------------------------ helpers

    /** Submits a registration labelled {@code <opportunity>-<partner letter>}; returns its id. */
    private String submit(String opportunity, String partnerId, String customer, String productLine, String amount,
                          String currency, String description) {
        HttpApi.Answer accepted = created(post("/api/v1/registrations", partner(partnerId), """
                {"customer": %s, "productLine": "%s", "estimatedValue": {"amount": "%s", "currency": "%s"},
                 "expectedCloseDate": "%s"%s}""".formatted(customer, productLine, amount, currency,
                LocalDate.now().plusDays(90), description == null ? "" : ", \"description\": \"" + description + "\"")));
        String id = accepted.text("registrationId");
        registrations.put(opportunity + "-" + letterOf(partnerId), id);
        opportunities.put(opportunity, accepted.text("opportunityId"));
        return id;
    }

    private static String letterOf(String partnerId) {
        return switch (partnerId) {
            case A -> "A";
            case B -> "B";
            case C -> "C";
            case D -> "D";
            default -> throw new IllegalArgumentException(partnerId);
        };
    }

    private HttpApi.Answer post(String path, String caller, String json) {
        return command.post(path, Callers.token(caller), json);
    }

    private static HttpApi.Answer ok(HttpApi.Answer answer) {
        require(answer.status() == 200, "200", answer);
        return answer;
    }

    private static HttpApi.Answer created(HttpApi.Answer answer) {
        require(answer.status() == 201, "201", answer);
        return answer;
    }

    private static void require(boolean condition, String expected, HttpApi.Answer answer) {
        if (!condition) {
            throw new IllegalStateException("expected " + expected + ", got " + answer.status() + ": " + answer.raw());
        }
    }

    /** Repeats a command refused (409) only until an asynchronous ruling effect has been recorded. */
    private void awaitOk(Supplier<HttpApi.Answer> attempt) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpApi.Answer answer = attempt.get();
            if (answer.status() != 200 && answer.status() != 409) {
                require(false, "200 or 409", answer);
            }
            return answer.status() == 200;
        });
    }

    /** Waits until the query service answers 200 with a body that satisfies the condition. */
    private void awaitQuery(String path, String caller, Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpApi.Answer answer = query.get(path, Callers.token(caller));
            return answer.status() == 200 && condition.test(answer.body());
        });
    }

    /**
     * Moves the next pending deadline of that name whose data names the registration or dispute to now; waits until
     * one is pending (a deadline that just ran schedules its successor in its own transaction).
     */
    private void bringDeadlineForward(String deadlineName, String aggregateOrEntityId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection db = services.commandDb(); PreparedStatement update = db.prepareStatement("""
                    UPDATE scheduled_tasks SET execution_time = now()
                    WHERE task_name = 'AxonDeadline' AND picked = false AND execution_time > now()
                      AND convert_from(task_data, 'UTF8') LIKE ? AND convert_from(task_data, 'UTF8') LIKE ?""")) {
                update.setString(1, "%" + deadlineName + "%");
                update.setString(2, "%" + aggregateOrEntityId + "%");
                return update.executeUpdate() == 1;
            }
        });
    }
}

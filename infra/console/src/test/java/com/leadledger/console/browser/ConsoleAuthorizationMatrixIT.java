package com.leadledger.console.browser;

import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.ApiAccess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every console page and action (review decisions, extension requests, support decisions, admin actions) × every demo identity, signed in through the console: the console answers as
 * the API behind it does, by the API's own table ({@link ApiAccess}). A page answers 200 to a role the API serves,
 * 403 to one it does not, 404 to a partner asking for another partner's object; an action a role may take leads back
 * to its page (302, the outcome or a rule's refusal shown there), one it may not is answered 403.
 */
class ConsoleAuthorizationMatrixIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A console page and the API rows it reads; {@code ownedBy} a partner's object, which other partners get 404 for. */
    record Page(String path, Set<String> allowed, String ownedBy) {
    }

    /** An action (a form) and the API rows it writes through; {@code ownedBy} as for a page. */
    record Action(String path, Map<String, String> form, Set<String> allowed, String ownedBy) {

        Action(String path, Map<String, String> form, Set<String> allowed) {
            this(path, form, allowed, null);
        }
    }

    @Test
    void everyPageAndActionAnswersEveryIdentityAsTheApiDoes() throws Exception {
        HttpApi.Answer submitted = registrationOfPartnerA();
        String registration = submitted.text("registrationId");
        String opportunity = submitted.text("opportunityId");
        String flagged = flaggedRegistrationOfPartnerA();
        String partner = onboardedPartner();
        long deadLetter = system.parkARecordThatIsNoEvent();

        List<Page> pages = List.of(
                new Page("/console/registrations", ApiAccess.REGISTRATIONS, null),
                new Page("/console/registrations/" + registration, ApiAccess.REGISTRATIONS, "P-1001"),
                new Page("/console/registrations/" + registration + "/extension", ApiAccess.REGISTRATIONS, "P-1001"),
                new Page("/console/opportunities/" + opportunity, ApiAccess.OPPORTUNITIES, null),
                new Page("/console/notices", ApiAccess.NOTICES, null),
                new Page("/console/review", ApiAccess.REVIEW_QUEUE, null),
                new Page("/console/admin/partners", ApiAccess.PARTNERS, null),
                new Page("/console/admin/partners/" + partner, ApiAccess.PARTNER_RECORD, partner),
                new Page("/console/scorecard/" + partner, ApiAccess.PARTNER_RECORD, partner),
                new Page("/console/rebates/" + partner, ApiAccess.PARTNER_RECORD, partner),
                new Page("/console/rebates/" + partner + "/csv", ApiAccess.PARTNER_RECORD, partner),
                new Page("/console/admin/policies", ApiAccess.POLICIES, null),
                new Page("/console/admin/policies/diff?from=1&to=1", ApiAccess.POLICIES, null),
                new Page("/console/admin/dead-letters", ApiAccess.OPERATIONS, null),
                new Page("/console/admin/dead-letters/" + deadLetter, ApiAccess.OPERATIONS, null),
                new Page("/console/admin/rebuild", ApiAccess.OPERATIONS, null),
                new Page("/console/dumping", ApiAccess.DUMPING_FLAGS, null),
                new Page("/console/reports/conflicts", ApiAccess.REPORTS, null),
                new Page("/console/reports/partners", ApiAccess.REPORTS, null),
                new Page("/console/audit/history/" + partner, ApiAccess.AUDITOR, null));
        // in this order: the first reviewer's rejection leaves the others a rule's refusal (still their page, 302), the
        // admin's suspension is undone by its reinstatement, its discard comes after its retry
        List<Action> actions = List.of(
                new Action("/console/registrations/" + registration + "/extension",
                        Map.of("reason", "matrix", "days", "10"), ApiAccess.REQUEST_EXTENSIONS, "P-1001"),
                new Action("/console/opportunities/" + opportunity + "/support/evidence",
                        Map.of("sha256", "ab".repeat(32), "name", "matrix letter"), ApiAccess.DECIDE_SUPPORT),
                new Action("/console/opportunities/" + opportunity + "/support",
                        Map.of("action", "GRANT", "registrationId", registration), ApiAccess.DECIDE_SUPPORT),
                new Action("/console/review/" + registration + "/reject", Map.of("reasonCode", "OTHER"),
                        ApiAccess.DECIDE_REGISTRATIONS),
                new Action("/console/review/" + registration + "/approve", Map.of("discountPercent", "5"),
                        ApiAccess.DECIDE_REGISTRATIONS),
                new Action("/console/admin/partners", Map.of("partnerId", partner, "name", "Matrix",
                        "tier", "SILVER", "productLines", "NETWORK_SECURITY"), ApiAccess.MANAGE_PARTNERS),
                new Action("/console/admin/partners/" + partner + "/tier", Map.of("tier", "SILVER"),
                        ApiAccess.MANAGE_PARTNERS),
                new Action("/console/admin/partners/" + partner + "/product-lines",
                        Map.of("productLines", "NETWORK_SECURITY"), ApiAccess.MANAGE_PARTNERS),
                new Action("/console/admin/partners/" + partner + "/suspend", Map.of("reason", "matrix"),
                        ApiAccess.MANAGE_PARTNERS),
                new Action("/console/admin/partners/" + partner + "/reinstate", Map.of("note", "matrix"),
                        ApiAccess.MANAGE_PARTNERS),
                new Action("/console/admin/dead-letters/" + deadLetter + "/retry", Map.of(), ApiAccess.OPERATIONS),
                new Action("/console/admin/dead-letters/" + deadLetter + "/discard", Map.of("reason", "matrix"),
                        ApiAccess.OPERATIONS),
                new Action("/console/admin/rebuild", Map.of(), ApiAccess.OPERATIONS),
                // the first reviewer's dismissal leaves the others a rule's refusal (still their page, 302)
                new Action("/console/dumping/DF-" + flagged + "/dismissal", Map.of("reason", "matrix"),
                        ApiAccess.DECIDE_REGISTRATIONS));

        Map<DemoIdentity, Session> sessions = new LinkedHashMap<>();
        for (DemoIdentity identity : DemoIdentity.values()) {
            sessions.put(identity, Session.signIn(system.console.baseUrl(), identity));
        }
        List<String> wrong = new ArrayList<>();
        for (Page page : pages) {
            for (var signedIn : sessions.entrySet()) {
                DemoIdentity identity = signedIn.getKey();
                int expected = expected(identity, page.allowed(), page.ownedBy());
                int status = signedIn.getValue().get(page.path()).statusCode();
                if (status != expected) {
                    wrong.add(identity + " GET " + page.path() + " -> " + status + " (expected " + expected + ")");
                }
            }
        }
        for (Action action : actions) {
            for (var signedIn : sessions.entrySet()) {
                DemoIdentity identity = signedIn.getKey();
                int expected = switch (expected(identity, action.allowed(), action.ownedBy())) {
                    case 200 -> 302;
                    case 404 -> 404;
                    default -> 403;
                };
                HttpResponse<String> answer = signedIn.getValue().post(action.path(), action.form());
                boolean right = answer.statusCode() == expected && (expected != 302
                        || !answer.headers().firstValue("Location").orElse("").contains("sign-in"));
                if (!right) {
                    wrong.add(identity + " POST " + action.path() + " -> " + answer.statusCode() + " "
                            + answer.headers().firstValue("Location").orElse("") + " (expected " + expected + ")");
                }
            }
        }
        awaitRebuildDone();
        assertThat(wrong).isEmpty();
    }

    private static int expected(DemoIdentity identity, Set<String> allowed, String ownedBy) {
        String role = identity.roles().get(0);
        boolean othersObject = ownedBy != null && identity.partnerId() != null && !ownedBy.equals(identity.partnerId());
        if (othersObject) {
            return 404;
        }
        return ApiAccess.status(role, allowed, ownedBy != null);
    }

    /** One identity's console session (its cookie), signed in on the sign-in page as a user would. */
    private record Session(String baseUrl, HttpClient http) {

        static Session signIn(String baseUrl, DemoIdentity identity) throws Exception {
            Session session = new Session(baseUrl, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
            HttpResponse<String> signedIn = session.post("/console/sign-in/demo", Map.of("identity", identity.name()),
                    session.get("/console/sign-in").body());
            assertThat(signedIn.statusCode()).as(identity + " signs in").isEqualTo(302);
            return session;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form sent with the CSRF token of a page of this session. */
        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            return post(path, form, get("/console/admin/policies").body());
        }

        private HttpResponse<String> post(String path, Map<String, String> form, String pageWithToken)
                throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(pageWithToken);
            assertThat(token.find()).as("a CSRF token on the page").isTrue();
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", token.group(1));
            String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String token(DemoIdentity identity) {
        return identity.mint(DevTokens.DEFAULT_SECRET, DevTokens.DEFAULT_TTL);
    }

    private static HttpApi.Answer registrationOfPartnerA() {
        HttpApi command = new HttpApi(system.command.baseUrl());
        HttpApi.Answer submitted = command.post("/api/v1/registrations", token(DemoIdentity.PARTNER_A), """
                {"customer": {"legalName": "ООО «Матрица %1$s»", "country": "RU", "taxId": "%1$s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "1250000", "currency": "RUB"},
                 "expectedCloseDate": "%2$s"}""".formatted(Inns.random(), LocalDate.now().plusDays(90)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        awaitQuery("/api/v1/registrations/" + submitted.text("registrationId"));
        awaitQuery("/api/v1/opportunities/" + submitted.text("opportunityId"));
        return submitted;
    }

    /** A registration of partner A won far below its registered value: flagged as possible dumping. */
    private static String flaggedRegistrationOfPartnerA() {
        String registration = registrationOfPartnerA().text("registrationId");
        HttpApi.Answer won = new HttpApi(system.command.baseUrl()).post("/api/v1/registrations/" + registration
                + "/outcome", token(DemoIdentity.PARTNER_A),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"800000\", \"currency\": \"RUB\"}}");
        assertThat(won.status()).as(won.raw()).isEqualTo(200);
        HttpApi query = new HttpApi(system.query.baseUrl());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> query.get(
                "/api/v1/dumping-flags/DF-" + registration, token(DemoIdentity.MANAGER)).status() == 200);
        return registration;
    }

    private static String onboardedPartner() {
        String partner = "P-MATRIX-" + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Answer onboarded = new HttpApi(system.command.baseUrl()).post("/api/v1/partners",
                token(DemoIdentity.ADMIN), """
                        {"partnerId": "%s", "name": "Matrix", "tier": "SILVER", "productLines": ["NETWORK_SECURITY"]}"""
                        .formatted(partner));
        assertThat(onboarded.status()).as(onboarded.raw()).isEqualTo(201);
        awaitQuery("/api/v1/partners/" + partner);
        return partner;
    }

    private static void awaitQuery(String path) {
        HttpApi query = new HttpApi(system.query.baseUrl());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> query.get(path, token(DemoIdentity.ADMIN)).status() == 200);
    }

    /** The admin's rebuild runs to its end before the next test. */
    private static void awaitRebuildDone() {
        HttpApi query = new HttpApi(system.query.baseUrl());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpApi.Answer latest = query.get("/api/v1/admin/projections/rebuild", token(DemoIdentity.ADMIN));
            return latest.status() == 200 && Set.of("DONE", "FAILED").contains(latest.text("state"));
        });
    }
}

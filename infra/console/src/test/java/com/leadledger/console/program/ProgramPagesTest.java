package com.leadledger.console.program;

import com.leadledger.console.api.ApiProblem;
import com.leadledger.console.api.LeadLedgerApi;
import com.leadledger.console.api.Page;
import com.leadledger.console.api.Problem;
import com.leadledger.consoletest.ConsoleTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The scorecard and rebate statement pages over the query service's answers (the API mocked with the answers'
 * real shape): every part with localised labels in both languages and no raw field name, the statement with its
 * lines, parts, brackets and payouts, an empty statement's message, the CSV handed on, another partner's 404.
 */
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ProgramPagesTest {

    static final String SCORECARD = """
            {"partnerId": "P-1001", "asOf": "2026-12-01T09:30:00Z", "policyVersion": 3,
             "earlyRegistration": {"from": "2025-12-01T09:30:00Z", "to": "2026-12-01T09:30:00Z", "earlyDays": 30,
              "registrations": 8, "early": 5, "earlyShare": 0.6250, "medianDaysBeforeClose": 41.5,
              "quarters": [{"quarter": "2026-Q4", "registrations": 3, "earlyShare": 0.3333}],
              "dropThreshold": 0.20, "earlyRegistrationDrop": true},
             "points": {"balance": 40, "earned": 50, "expired": 0, "redeemed": 10, "history": [
               {"at": "2026-10-01T10:00:00Z", "type": "AWARDED", "points": 50, "cause": "REGISTRATION_WON",
                "causationId": "e-1", "subjectId": "R-1", "awardId": "A-1", "expiresAt": "2027-10-01T10:00:00Z",
                "marketingFundCredit": null, "extraDiscountPercent": null, "policyVersion": 3},
               {"at": "2026-11-01T10:00:00Z", "type": "REDEEMED", "points": -10, "cause": "EXTRA_DISCOUNT",
                "causationId": null, "subjectId": "R-2", "awardId": "X-1", "expiresAt": null,
                "marketingFundCredit": null, "extraDiscountPercent": 1.5, "policyVersion": 3}]},
             "rebates": {"accruedTotal": {"RUB": 38000.00}, "dueAfterAsOf": {}, "statements": [%s]},
             "tier": {"tier": "SILVER", "policyVersion": 3,
              "benefits": {"protectionDays": 90, "maxDiscountPercent": 10, "extensionMaxCount": 1,
                           "extensionMaxDays": 30},
              "next": {"tier": "GOLD", "benefits": {"protectionDays": 120, "maxDiscountPercent": 15,
                         "extensionMaxCount": 2, "extensionMaxDays": 30},
               "requirements": [
                {"rule": "minWonRevenue", "productLine": null, "required": 10000000, "actual": 4000000,
                 "met": false, "progressPercent": 40.0},
                {"rule": "minCertifiedSpecialists", "productLine": "NETWORK_SECURITY", "required": 2, "actual": 3,
                 "met": true, "progressPercent": 100},
                {"rule": "maxPenaltyPoints", "productLine": null, "required": 5, "actual": 0, "met": true,
                 "progressPercent": null}]},
              "evaluation": {"evaluationId": "EV-1", "evaluatedAt": "2026-11-30T21:05:00Z",
                             "runDate": "2026-12-01", "proposedTier": "GOLD"}},
             "loyalty": {"stars": 3}}""";

    static final String STATEMENT = """
            {"partnerId": "P-1001", "rebateId": "rebate:P-1001:2026-Q3", "period": "2026-Q3",
             "periodStart": "2026-06-30T21:00:00Z", "periodEnd": "2026-09-30T21:00:00Z", "accrual": "QUARTERLY",
             "policyVersion": 3, "currency": "RUB",
             "lines": [{"productLine": "NETWORK_SECURITY",
               "season": {"volume": 0, "lastYearVolume": 0, "baseline": 3000000, "brackets": [], "amount": 0},
               "offSeason": {"volume": 4000000.00, "lastYearVolume": 0, "baseline": 3000000.00, "brackets": [
                 {"fromPercent": 100, "from": 3000000.00, "to": 3600000.00, "ratePercent": 3,
                  "volumeInBracket": 600000.00, "amount": 18000.00},
                 {"fromPercent": 120, "from": 3600000.00, "to": 4500000.00, "ratePercent": 5,
                  "volumeInBracket": 400000.00, "amount": 20000.00},
                 {"fromPercent": 200, "from": 6000000.00, "to": null, "ratePercent": 9,
                  "volumeInBracket": 0, "amount": 0.00}], "amount": 38000.00},
               "amount": 38000.00}],
             "volume": 4000000.00, "lastYearVolume": 0, "amount": 38000.00,
             "payouts": [{"dueOn": "2026-10-01", "amount": 38000.00}],
             "registrationIds": ["R-9"], "excludedRegistrationIds": [], "accruedAt": "2026-10-01T00:01:00Z"}""";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("CONSOLE_SESSION=([^;]+)");
    private static final String STATEMENTS = "/api/v1/partners/{id}/rebates?page=0&size=200";

    @LocalServerPort
    int port;

    @MockitoBean
    LeadLedgerApi api;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String manager;

    @BeforeEach
    void signIn() throws Exception {
        manager = signedIn("MANAGER");
    }

    @Test
    void theScorecardShowsEveryPartWithItsLabelsInEnglish() throws Exception {
        scorecardAnswers(STATEMENT);

        String page = get("/console/scorecard/P-1001", manager, "en").body();

        assertThat(page).doesNotContain("??").contains("Current tier", "Silver", "Next tier: Gold",
                "Won revenue in the program currency, at least", "Certified specialists in Network security, at least",
                "Penalty points, at most", "40 %", "Proposed tier",
                "Points balance", "Deal won", "Extra discount", "Spent", "Accrued in total", "2026-Q3",
                "Early registration", "/console/rebates/P-1001");
        assertThat(between(page, "id=\"tier-current\"", "</dd>")).contains("Silver");
        assertThat(between(page, "id=\"points-balance\"", "</dd>")).contains("40");
        assertThat(page).as("no raw field or enum name shown")
                .doesNotContain(">minWonRevenue<", "REGISTRATION_WON<", ">SILVER<", ">AWARDED<", "progressPercent");
        assertThat(page).as("a part the console does not know still shows").contains("stars");
    }

    @Test
    void theScorecardShowsEveryPartWithItsLabelsInRussian() throws Exception {
        scorecardAnswers(STATEMENT);

        String page = get("/console/scorecard/P-1001", manager, "ru").body();

        assertThat(page).doesNotContain("??").contains("lang=\"ru\"", "Текущий уровень", "Следующий уровень",
                "Выигранная выручка в валюте программы, не менее", "Остаток баллов", "Сделка выиграна",
                "Начислено всего", "Выписка по бонусам");
    }

    @Test
    void theScorecardKeepsItsAsOf() throws Exception {
        when(api.read(eq("/api/v1/partners/{id}/scorecard?asOf={asOf}"), any(ParameterizedTypeReference.class),
                eq("P-1001"), eq("2026-12-01T09:30:00Z"))).thenReturn(answer(SCORECARD.formatted("")));

        String page = get("/console/scorecard/P-1001?asOf=2026-12-01T09:30:00Z", manager, "en").body();

        assertThat(page).contains("value=\"2026-12-01T09:30:00Z\"", "No rebate accrued yet.").doesNotContain("??");
    }

    @Test
    void theRebateStatementShowsEachLinePartBracketAndPayout() throws Exception {
        statementsAnswer(STATEMENTS + "&period={period}", new Object[] {"P-1001", "2026-Q3"}, STATEMENT);

        String en = get("/console/rebates/P-1001?period=2026-Q3", manager, "en").body();
        String ru = get("/console/rebates/P-1001?period=2026-Q3", manager, "ru").body();

        assertThat(en).doesNotContain("??").contains("Rebate statement of P-1001", "Period 2026-Q3", "Quarterly",
                "Network security", "Off-season", "Season", "100 % of the baseline",
                "200 % of the baseline: more than", "Payouts", "Oct 1, 2026",
                "href=\"/console/rebates/P-1001/csv?period=2026-Q3\"");
        assertThat(en).as("no raw field name").doesNotContain("offSeason<", "volumeInBracket", "QUARTERLY<");
        assertThat(ru).doesNotContain("??").contains("Выписка по бонусам партнёра P-1001", "Ежеквартальное",
                "Сетевая безопасность", "Вне сезона", "% базы", "Выплаты");
    }

    @Test
    void anEmptyStatementSaysNoRebateWasAccruedForThePeriod() throws Exception {
        statementsAnswer(STATEMENTS + "&period={period}", new Object[] {"P-1001", "2026-Q4"}, "");

        assertThat(get("/console/rebates/P-1001?period=2026-Q4", manager, "en").body())
                .contains("No rebate accrued for the period 2026-Q4.").doesNotContain("class=\"statement\"");
        assertThat(get("/console/rebates/P-1001?period=2026-Q4", manager, "ru").body())
                .contains("За период 2026-Q4 бонус не начислен.");
    }

    @Test
    void aPeriodThatIsNeitherAQuarterNorAYearIsShownNextToTheFieldWithoutAsking() throws Exception {
        String page = get("/console/rebates/P-1001?period=Q4-2026", manager, "en").body();

        assertThat(page).contains("id=\"period-error\"", "Type a quarter like 2026-Q4 or a year like 2026.");
        verifyNoInteractions(api);
    }

    @Test
    void thePartnerReadsItsOwnStatementAndAnotherPartnersIsNotFound() throws Exception {
        String partner = signedIn("PARTNER_A");
        statementsAnswer(STATEMENTS, new Object[] {"P-1001"}, STATEMENT);
        when(api.read(eq(STATEMENTS), any(ParameterizedTypeReference.class), eq("P-2002")))
                .thenThrow(new ApiProblem(new Problem(404, "NOT_FOUND", "Not found", "partner not found", null)));

        HttpResponse<String> own = get("/console/rebates", partner, "en");
        HttpResponse<String> other = get("/console/rebates/P-2002", partner, "en");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Rebate statement of P-1001", "Period 2026-Q3", "id=\"nav-rebates\"");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("id=\"problem\"").doesNotContain("Rebate statement of");
    }

    @Test
    void theCsvIsTheQueryServicesAnswerReadWithTheUsersToken() throws Exception {
        byte[] csv = "partnerId,period,amount\nP-1001,2026-Q3,38000.00\n".getBytes(StandardCharsets.UTF_8);
        when(api.readBytes(eq(STATEMENTS + "&period={period}"), any(MediaType.class), eq("P-1001"), eq("2026-Q3")))
                .thenReturn(csv);

        HttpResponse<String> download = get("/console/rebates/P-1001/csv?period=2026-Q3", manager, "en");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "rebates-P-1001-2026-Q3.csv");
        assertThat(download.body()).isEqualTo(new String(csv, StandardCharsets.UTF_8));
        verify(api).readBytes(eq(STATEMENTS + "&period={period}"), eq(new MediaType("text", "csv",
                StandardCharsets.UTF_8)), eq("P-1001"), eq("2026-Q3"));
    }

    @Test
    void aCsvOfAMalformedPeriodIsTheApisRefusalNotEveryPeriod() throws Exception {
        when(api.readBytes(eq(STATEMENTS + "&period={period}"), any(MediaType.class), eq("P-1001"), eq("Q3")))
                .thenThrow(new ApiProblem(new Problem(400, "VALIDATION_FAILED", "Invalid request",
                        "period must be a quarter like 2026-Q4 or a year like 2026", null)));

        HttpResponse<String> download = get("/console/rebates/P-1001/csv?period=Q3", manager, "en");

        assertThat(download.statusCode()).isEqualTo(400);
        assertThat(download.body()).contains("id=\"problem\"").doesNotContain("partnerId,period");
        verify(api, never()).readBytes(eq(STATEMENTS), any(MediaType.class), any(Object[].class));
    }

    private void scorecardAnswers(String statement) {
        when(api.read(eq("/api/v1/partners/{id}/scorecard"), any(ParameterizedTypeReference.class), eq("P-1001")))
                .thenReturn(answer(SCORECARD.formatted(statement)));
    }

    private void statementsAnswer(String path, Object[] variables, String statement) {
        Page<RebateStatement> page = json.readValue("{\"items\": [" + statement + "], \"page\": 0, \"size\": 200, "
                + "\"total\": " + (statement.isEmpty() ? 0 : 1) + "}", new TypeReference<Page<RebateStatement>>() {
        });
        if (variables.length == 1) {
            when(api.read(eq(path), any(ParameterizedTypeReference.class), eq(variables[0]))).thenReturn(page);
        } else {
            when(api.read(eq(path), any(ParameterizedTypeReference.class), eq(variables[0]), eq(variables[1])))
                    .thenReturn(page);
        }
    }

    private Map<String, Object> answer(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private String signedIn(String identity) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/console/sign-in", null, "en");
        String session = SESSION.matcher(page.headers().firstValue("Set-Cookie").orElseThrow()).results()
                .findFirst().orElseThrow().group(1);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/console/sign-in/demo"))
                .header("Cookie", "CONSOLE_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identity=" + identity + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return SESSION.matcher(signedIn.headers().firstValue("Set-Cookie").orElseThrow()).results()
                .findFirst().orElseThrow().group(1);
    }

    private HttpResponse<String> get(String path, String session, String language) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET();
        if (session != null) {
            request.header("Cookie", "CONSOLE_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

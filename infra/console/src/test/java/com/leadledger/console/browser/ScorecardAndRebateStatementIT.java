package com.leadledger.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's scorecard and rebate statement in the browser, in both languages, over the real services: partner A won
 * a deal in the last closed quarter (written to the command service's program deals, since a deal won through the
 * API is won now, in a quarter that cannot be closed yet), ADMIN closes that quarter through the API, and the
 * statement the query service then answers is what the pages show, with the labels of the page's language: the
 * scorecard's tier, points and rebates parts, the statement's line, brackets and payouts, its CSV download, an empty
 * period's message, the way there from the scorecard, the menu and the partner record, and another partner's 404.
 */
class ScorecardAndRebateStatementIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PARTNER = "P-1001";
    private static final ZoneId POLICY_ZONE = ZoneId.of("Europe/Moscow");

    private static String period;

    /** Partner A's rebate for the last closed quarter, accrued once for both languages. */
    @BeforeAll
    static void partnerAEarnedARebateLastQuarter() throws Exception {
        LocalDate today = LocalDate.now(POLICY_ZONE);
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1).minusMonths(3);
        period = quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1);
        Instant wonAt = quarter.plusDays(14).atTime(12, 0).atZone(POLICY_ZONE).toInstant();
        system.wonInThePast(PARTNER, "NETWORK_SECURITY", wonAt, new BigDecimal("4000000"), "RUB");
        HttpApi.Answer closed = new HttpApi(system.command.baseUrl()).post(
                "/api/v1/program/rebate-periods/" + period + "/close", token(DemoIdentity.ADMIN), "{}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> statement().body().get("total").asInt() == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void thePartnerReadsItsScorecardAndRebateStatementInItsLanguage(String language) throws Exception {
        ResourceBundle texts = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(language));
        JsonNode scorecard = new HttpApi(system.query.baseUrl())
                .get("/api/v1/partners/" + PARTNER + "/scorecard", token(DemoIdentity.PARTNER_A)).body();
        JsonNode statement = statement().body().get("items").get(0);
        try (Browser partner = new Browser(system, "program-" + language + "-partner", language);
             Browser manager = new Browser(system, "program-" + language + "-manager", language)) {
            partner.signInAs("PARTNER_A");
            partner.open("/console/scorecard");
            assertThat(partner.find(By.id("tier-heading")).getText()).isEqualTo(texts.getString("scorecard.part.tier"));
            assertThat(partner.find(By.id("tier-current")).getText())
                    .isEqualTo(texts.getString("tier." + scorecard.get("tier").get("tier").asText()));
            assertThat(partner.find(By.id("points-heading")).getText())
                    .isEqualTo(texts.getString("scorecard.part.points"));
            assertThat(partner.find(By.id("points-balance")).getText())
                    .isEqualTo(scorecard.get("points").get("balance").asText());
            assertThat(partner.find(By.id("rebates-heading")).getText())
                    .isEqualTo(texts.getString("scorecard.part.rebates"));
            assertThat(digits(partner.find(By.cssSelector("#scorecard-rebate-statements tr[data-period='" + period
                    + "'] .amount")).getText())).isEqualTo(digits(statement.get("amount").decimalValue()));
            assertThat(partner.source()).as("a text missing from the " + language + " bundle").doesNotContain("??");
            partner.screenshot("scorecard");

            partner.clickAndLoad(By.cssSelector("#scorecard-rebate-statements tr[data-period='" + period + "'] a"));
            assertThat(partner.path()).isEqualTo("/console/rebates/" + PARTNER);
            shown(partner, texts, statement);
            partner.screenshot("rebates");

            String csvLink = partner.find(By.id("rebates-csv")).getAttribute("href");
            HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(csvLink))
                    .header("Cookie", "CONSOLE_SESSION=" + partner.cookie("CONSOLE_SESSION").getValue()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
            assertThat(csv.body()).contains(PARTNER, period);

            partner.clickAndLoad(By.id("nav-rebates"));
            assertThat(partner.path()).isEqualTo("/console/rebates");
            assertThat(partner.find(By.cssSelector("section.statement[data-period='" + period + "']"))).isNotNull();
            partner.open("/console/rebates?period=2020-Q1");
            assertThat(partner.find(By.id("rebates-none")).getText())
                    .isEqualTo(new MessageFormat(texts.getString("rebates.none")).format(new Object[] {"2020-Q1"}));
            assertThat(partner.has(By.cssSelector("section.statement"))).isFalse();
            partner.screenshot("rebates-empty");
            partner.open("/console/rebates/P-1002");
            assertThat(partner.find(By.id("problem")).getText()).contains("NOT_FOUND");
            assertThat(partner.source()).doesNotContain("section class=\"statement\"");

            manager.signInAs("MANAGER");
            manager.open("/console/partner-record/" + PARTNER);
            manager.clickAndLoad(By.id("partner-rebates"));
            assertThat(manager.path()).isEqualTo("/console/rebates/" + PARTNER);
            manager.type(By.id("rebates-period"), period);
            manager.clickAndLoad(By.id("rebates-show"));
            shown(manager, texts, statement);
        }
    }

    private static void shown(Browser browser, ResourceBundle texts, JsonNode statement) {
        WebElement section = browser.find(By.cssSelector("section.statement[data-period='" + period + "']"));
        assertThat(section.findElement(By.tagName("h2")).getText())
                .isEqualTo(new MessageFormat(texts.getString("rebates.statement")).format(new Object[] {period}));
        assertThat(section.findElement(By.cssSelector(".accrual")).getText())
                .isEqualTo(texts.getString("accrual." + statement.get("accrual").asText()));
        assertThat(digits(section.findElement(By.cssSelector(".statement-facts .amount")).getText()))
                .isEqualTo(digits(statement.get("amount").decimalValue()));
        WebElement line = section.findElement(By.cssSelector(".line[data-product-line='NETWORK_SECURITY']"));
        assertThat(line.findElement(By.tagName("h3")).getText())
                .startsWith(texts.getString("productLine.NETWORK_SECURITY"));
        assertThat(line.findElements(By.cssSelector("tr.bracket"))).isNotEmpty();
        assertThat(line.getText()).contains(texts.getString("rebates.season"), texts.getString("rebates.offSeason"));
        assertThat(section.findElements(By.cssSelector("tr.payout"))).hasSize(statement.get("payouts").size());
        assertThat(section.findElement(By.cssSelector("tr.payout .due-on")).getText()).isNotBlank();
        assertThat(browser.source()).as("a text missing from the bundle").doesNotContain("??");
        assertThat(browser.has(By.id("lang-ru")) && browser.has(By.id("lang-en"))).isTrue();
    }

    private static HttpApi.Answer statement() {
        return new HttpApi(system.query.baseUrl()).get("/api/v1/partners/" + PARTNER + "/rebates?period=" + period,
                token(DemoIdentity.PARTNER_A));
    }

    private static String token(DemoIdentity identity) {
        return identity.mint(DevTokens.DEFAULT_SECRET, DevTokens.DEFAULT_TTL);
    }

    /** The digits of an amount with its cents, whatever the language's separators and currency sign. */
    private static String digits(Object amount) {
        String text = amount instanceof BigDecimal d ? d.setScale(2, RoundingMode.HALF_UP).toPlainString()
                : amount.toString();
        return text.replaceAll("[^0-9]", "");
    }
}

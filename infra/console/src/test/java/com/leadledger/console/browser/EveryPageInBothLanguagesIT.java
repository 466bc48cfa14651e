package com.leadledger.console.browser;

import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Story 4: every page of the console renders in Russian and in English without a missing text (Thymeleaf writes
 * {@code ??key_locale??} for a key missing from the bundles), the language chosen by the browser's
 * {@code Accept-Language} and kept when the switch changes it. On each page every form control can be reached with
 * the Tab key alone.
 */
class EveryPageInBothLanguagesIT {

    private static final ConsoleSystem system = ConsoleSystem.get();

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyPageRendersWithoutAMissingText(String language) {
        try (Browser partner = new Browser(system, "story4-" + language + "-partner", language);
             Browser manager = new Browser(system, "story4-" + language + "-manager", language);
             Browser auditor = new Browser(system, "story4-" + language + "-auditor", language);
             Browser admin = new Browser(system, "story4-" + language + "-admin", language)) {
            rendered(partner.open("/console/sign-in"), language, "sign-in");

            partner.signInAs("PARTNER_A");
            rendered(partner, language, "registrations");
            partner.open("/console/registrations/new");
            rendered(partner, language, "submit");
            partner.click(By.id("submit-registration")); // empty: every field's problem shown
            assertThat(partner.find(By.id("legalName-error")).getText()).isNotBlank();
            rendered(partner, language, "submit-problems");
            String inn = submit(partner);
            rendered(partner, language, "registration");
            String registrationId = partner.find(By.id("registration-id")).getText();
            partner.open("/console/registrations/" + registrationId + "/extension");
            rendered(partner, language, "extension-request");
            partner.clickAndLoad(By.id("request-extension")); // no reason: the API's problem next to the field
            assertThat(partner.find(By.id("reason-error")).getText()).isNotBlank();
            rendered(partner, language, "extension-request-problem");
            partner.open("/console/notices");
            rendered(partner, language, "notices");
            partner.open("/console/disputes");
            partner.find(By.id("open-dispute"));
            rendered(partner, language, "disputes");
            String disputeId = complain(partner, language, registrationId);
            rendered(partner, language, "dispute");
            assertThat(partner.find(By.cssSelector("#timeline li[data-kind='OPENED'] .summary")).getText())
                    .as("the timeline in the page's language")
                    .startsWith(language.equals("ru") ? "Открыт спор типа «" : "Dispute of type ");
            partner.open("/console/partner-record");
            partner.find(By.id("penalty-points"));
            rendered(partner, language, "partner-record-own");
            partner.open("/console/scorecard");
            partner.find(By.id("early-registrations"));
            rendered(partner, language, "scorecard-own");
            partner.clickAndLoad(By.id("nav-rebates"));
            partner.find(By.id("rebates-form"));
            rendered(partner, language, "rebates-own");
            partner.open("/console/rebates?period=2020-Q1");
            partner.find(By.id("rebates-none"));
            rendered(partner, language, "rebates-empty");
            partner.open("/console/review"); // staff only: the API's 403, shown as a problem
            assertThat(partner.find(By.id("problem")).getText()).contains("FORBIDDEN");
            rendered(partner, language, "forbidden");
            partner.open("/console/no-such-page");
            rendered(partner, language, "not-found");

            manager.signInAs("MANAGER");
            rendered(manager, language, "review");
            manager.open("/console/arbitration?level=");
            manager.find(By.id("dispute-" + disputeId));
            rendered(manager, language, "arbitration");
            manager.open("/console/arbitration/" + disputeId);
            manager.find(By.id("ruling-form"));
            rendered(manager, language, "arbitration-dispute");
            manager.type(By.id("rationale"), "—");
            manager.clickAndLoad(By.id("review-ruling")); // the confirmation step; nothing is sent
            assertThat(manager.find(By.id("effects")).getText()).isNotBlank();
            rendered(manager, language, "ruling-confirm");
            manager.open("/console/partner-record/P-1001");
            manager.find(By.id("penalty-points"));
            rendered(manager, language, "partner-record");
            manager.clickAndLoad(By.id("partner-scorecard"));
            assertThat(manager.find(By.id("early-quarters")).getText()).contains("-Q");
            rendered(manager, language, "scorecard");
            manager.clickAndLoad(By.id("scorecard-rebates"));
            manager.find(By.id("rebates-form"));
            rendered(manager, language, "rebates");
            manager.open("/console/partner-record/P-1001");
            manager.clickAndLoad(By.id("partner-rebates"));
            assertThat(manager.path()).isEqualTo("/console/rebates/P-1001");
            manager.open("/console/extensions");
            rendered(manager, language, "extensions");
            String flagId = flaggedWin();
            manager.open("/console/dumping");
            manager.find(By.id("flag-" + flagId));
            rendered(manager, language, "dumping");

            auditor.signInAs("AUDITOR");
            rendered(auditor, language, "audit-search");
            auditor.open("/console/audit?q=" + inn);
            auditor.reloadUntil(() -> auditor.has(By.cssSelector("#hits .history-link")));
            rendered(auditor, language, "audit-search-hits");
            auditor.open("/console/audit?q=no-such-company");
            assertThat(auditor.find(By.id("no-hits")).getText()).contains("no-such-company");
            auditor.open("/console/audit?q=" + inn);
            auditor.clickAndLoad(By.cssSelector("#hits .history-link"));
            rendered(auditor, language, "audit-history");
            String opportunityId = auditor.find(By.id("opportunity-id")).getText();
            auditor.open("/console/audit/integrity");
            rendered(auditor, language, "audit-integrity");
            auditor.type(By.id("verify-opportunity-id"), opportunityId);
            auditor.clickAndLoad(By.id("verify-opportunity"));
            assertThat(auditor.find(By.id("verification-result")).getAttribute("data-intact")).isEqualTo("true");
            rendered(auditor, language, "audit-verification");
            auditor.open("/console/audit/receipt");
            rendered(auditor, language, "audit-receipt");
            auditor.type(By.id("receipt-text"), "{\"not\": \"a receipt\"}");
            auditor.clickAndLoad(By.id("check-receipt"));
            assertThat(auditor.find(By.id("receipt-verdict")).getAttribute("data-outcome")).isEqualTo("MALFORMED");
            rendered(auditor, language, "audit-receipt-malformed");
            auditor.open("/console/audit/opportunities/" + opportunityId);
            auditor.clickAndLoad(By.id("opportunity-all-events"));
            assertThat(auditor.find(By.id("history-aggregate-id")).getText()).isEqualTo(opportunityId);
            assertThat(auditor.findAll(By.cssSelector("#history-events .history-event"))).isNotEmpty();
            rendered(auditor, language, "audit-aggregate-history");
            auditor.open("/console/audit/history/" + disputeId);
            auditor.reloadUntil(() -> auditor.has(By.cssSelector("#state li[data-kind='OPENED']")));
            assertThat(auditor.find(By.cssSelector("#state li[data-kind='OPENED'] .summary")).getText())
                    .startsWith(language.equals("ru") ? "Открыт спор типа «" : "Dispute of type ");
            rendered(auditor, language, "audit-aggregate-history-dispute");

            for (String report : List.of("conflicts", "decisions", "disputes", "support", "partners")) {
                auditor.open("/console/reports/" + report);
                assertThat(auditor.find(By.id("report-covers")).getText()).isNotBlank();
                rendered(auditor, language, "report-" + report);
            }

            manager.open("/console/opportunities/" + opportunityId);
            assertThat(manager.find(By.id("opportunity-id")).getText()).isEqualTo(opportunityId);
            rendered(manager, language, "opportunity");

            admin.signInAs("ADMIN");
            rendered(admin, language, "admin-partners");
            admin.open("/console/admin/partners/P-1001");
            rendered(admin, language, "admin-partner");
            admin.open("/console/admin/policies");
            rendered(admin, language, "admin-policies");
            admin.open("/console/admin/policies/diff?from=1&to=1");
            rendered(admin, language, "admin-policy-diff");
            admin.open("/console/admin/dead-letters?status=RESOLVED");
            rendered(admin, language, "admin-dead-letters");
            admin.open("/console/admin/rebuild");
            rendered(admin, language, "admin-rebuild");

            String other = language.equals("en") ? "ru" : "en";
            partner.open("/console/registrations");
            partner.clickAndLoad(By.id("lang-" + other));
            assertThat(partner.language()).isEqualTo(other);
            partner.open("/console/notices");
            assertThat(partner.language()).as("the switch is kept for the session").isEqualTo(other);
        }
    }

    /** A deal of partner A won far below its registered value and never approved: flagged as possible dumping. */
    private static String flaggedWin() {
        HttpApi command = new HttpApi(system.command.baseUrl());
        String partnerA = DemoIdentity.PARTNER_A.mint(DevTokens.DEFAULT_SECRET, DevTokens.DEFAULT_TTL);
        HttpApi.Answer submitted = command.post("/api/v1/registrations", partnerA, """
                {"customer": {"legalName": "ООО «Демпинг %1$s»", "country": "RU", "taxId": "%1$s"},
                 "productLine": "NETWORK_SECURITY", "estimatedValue": {"amount": "1250000", "currency": "RUB"},
                 "expectedCloseDate": "%2$s"}""".formatted(Inns.random(), LocalDate.now().plusDays(90)));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String registrationId = submitted.text("registrationId");
        HttpApi.Answer won = command.post("/api/v1/registrations/" + registrationId + "/outcome", partnerA,
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"800000\", \"currency\": \"RUB\"}}");
        assertThat(won.status()).as(won.raw()).isEqualTo(200);
        String flagId = "DF-" + registrationId;
        HttpApi query = new HttpApi(system.query.baseUrl());
        String manager = DemoIdentity.MANAGER.mint(DevTokens.DEFAULT_SECRET, DevTokens.DEFAULT_TTL);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> query.get("/api/v1/dumping-flags/" + flagId, manager).status() == 200);
        return flagId;
    }

    private static void rendered(Browser browser, String language, String page) {
        assertThat(browser.language()).as(page).isEqualTo(language);
        assertThat(browser.source()).as(page + ": a text missing from the " + language + " bundle").doesNotContain("??");
        assertThat(browser.has(By.id("lang-ru")) && browser.has(By.id("lang-en"))).as(page + ": the switch").isTrue();
        browser.screenshot(page);
        if (language.equals("en")) { // the page's controls are the same in both languages
            assertThat(browser.formControlsTabDoesNotReach()).as(page + ": form controls the keyboard cannot reach")
                    .isEmpty();
        }
    }

    /** Opens a price-dumping complaint about the registration; returns its id once its page shows it. */
    private static String complain(Browser partner, String language, String registrationId) {
        partner.open("/console/disputes/new?registrationId=" + registrationId);
        partner.find(By.id("dispute-form"));
        rendered(partner, language, "dispute-new");
        partner.type(By.id("description"), "Undercut");
        partner.type(By.id("quotedAmount"), "150000");
        partner.type(By.id("allegedAmount"), "120000");
        partner.type(By.id("entitledDiscountPercent"), "5");
        partner.clickAndLoad(By.id("submit-dispute"));
        String disputeId = partner.find(By.id("dispute-id")).getText();
        partner.reloadUntil(() -> partner.has(By.id("evidence-form")));
        return disputeId;
    }

    /** Registers a deal through the form; returns its customer's INN. */
    private static String submit(Browser partner) {
        partner.open("/console/registrations/new");
        String inn = Inns.random();
        partner.type(By.id("legalName"), "ООО «Язык " + inn + "»");
        partner.type(By.id("country"), "RU");
        partner.type(By.id("taxId"), inn);
        new Select(partner.find(By.id("productLine"))).selectByValue("COLLABORATION");
        partner.type(By.id("amount"), "150000");
        partner.setValue(By.id("expectedCloseDate"), LocalDate.now().plusDays(60).toString());
        partner.click(By.id("submit-registration"));
        partner.find(By.id("registration-id"));
        return inn;
    }
}

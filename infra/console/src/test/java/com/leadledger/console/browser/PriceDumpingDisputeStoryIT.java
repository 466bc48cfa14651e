package com.leadledger.console.browser;

import com.leadledger.localruntime.DemoIdentity;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Story 2, in real browsers: partner B registers a customer first and is approved; partner A registers the same
 * customer and files a price-dumping complaint about its own registration, adding a document whose SHA-256 the browser
 * computes (only name and hash reach the API). The channel manager links B as the respondent and rules the complaint
 * upheld, revoking B's protection with penalty points, after the confirmation step listing those effects. A sees the
 * ruling and never B's identity; B sees its registration revoked and the penalty on its partner record.
 */
class PriceDumpingDisputeStoryIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static Browser partnerA;
    private static Browser partnerB;
    private static Browser manager;
    private static Browser auditor;

    @BeforeAll
    static void browsers() {
        partnerA = new Browser(system, "story2-partner-a", "en");
        partnerB = new Browser(system, "story2-partner-b", "en");
        manager = new Browser(system, "story2-manager", "en");
        auditor = new Browser(system, "story2-auditor", "en");
    }

    @AfterAll
    static void close() {
        for (Browser browser : new Browser[] {partnerA, partnerB, manager, auditor}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aPriceDumpingComplaintIsUpheldAndItsEffectsReachBothPartnersWithoutNamingTheRespondent() throws Exception {
        String inn = Inns.random();
        String customer = "ООО «Демпинг " + inn + "»";

        partnerB.signInAs("PARTNER_B");
        String registrationB = register(partnerB, customer, inn, "1300000");
        manager.signInAs("MANAGER");
        manager.open("/console/review");
        manager.reloadUntil(() -> manager.has(By.id("item-" + registrationB)));
        manager.type(By.id("discount-" + registrationB), "5");
        manager.clickAndLoad(By.cssSelector("#item-" + registrationB + " .approve-button"));
        assertThat(manager.find(By.cssSelector(".decision[data-registration-id='" + registrationB + "']")).getText())
                .contains("approved");

        partnerA.signInAs("PARTNER_A");
        String registrationA = register(partnerA, customer, inn, "1250000");

        // the complaint, about A's own registration: A does not know who undercut it
        partnerA.open("/console/disputes/new?registrationId=" + registrationA);
        new Select(partnerA.find(By.id("type"))).selectByValue("PRICE_DUMPING");
        assertThat(new Select(partnerA.find(By.id("registrationId"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(registrationA);
        partnerA.type(By.id("description"), "The customer was offered 18 % below list by another partner");
        partnerA.clickAndLoad(By.id("submit-dispute")); // without its amounts: the API's problem next to the field
        assertThat(partnerA.find(By.id("form-problem")).getText()).isNotBlank();
        assertThat(partnerA.find(By.id("quotedAmount-error")).getText()).isNotBlank();
        assertThat(partnerA.find(By.id("quotedAmount")).getDomAttribute("aria-invalid")).isEqualTo("true");
        partnerA.screenshot("complaint-refused");
        partnerA.type(By.id("quotedAmount"), "1250000");
        partnerA.type(By.id("allegedAmount"), "1025000");
        partnerA.type(By.id("entitledDiscountPercent"), "5");
        partnerA.screenshot("complaint-form");
        partnerA.clickAndLoad(By.id("submit-dispute"));
        String disputeId = partnerA.find(By.id("dispute-id")).getText();
        assertDone(partnerA, "Complaint opened.");
        partnerA.reloadUntil(() -> partnerA.has(By.id("evidence-form")));

        // evidence: the browser computes the file's SHA-256; only its name and the hash are sent
        Path quote = evidenceFile();
        String sha256 = sha256(quote);
        partnerA.type(By.id("evidence-description"), "The competing quote the customer forwarded");
        partnerA.find(By.id("evidence-file")).sendKeys(quote.toString());
        await().atMost(Duration.ofSeconds(10)).until(
                () -> !partnerA.find(By.id("evidence-sha256")).getDomProperty("value").isEmpty());
        assertThat(partnerA.find(By.id("evidence-sha256")).getDomProperty("value")).isEqualTo(sha256);
        assertThat(partnerA.find(By.id("evidence-name")).getDomProperty("value")).isEqualTo(quote.getFileName().toString());
        partnerA.screenshot("evidence-hashed");
        partnerA.clickAndLoad(By.id("add-evidence"));
        assertDone(partnerA, "Evidence added.");
        partnerA.reloadUntil(() -> partnerA.has(By.cssSelector("#evidence .document-sha256")));
        assertThat(partnerA.find(By.cssSelector("#evidence .document-sha256")).getText()).isEqualTo(sha256);
        JsonNode stored = awaitDispute(disputeId, d -> d.path("evidence").size() == 1);
        assertThat(stored.path("evidence").get(0).path("documents").get(0).path("sha256").asString())
                .as("the hash the API stored is the file's SHA-256").isEqualTo(sha256);
        assertThat(stored.path("evidence").get(0).path("documents").get(0).path("name").asString())
                .isEqualTo(quote.getFileName().toString());

        // the manager's queue of level 1, then the dispute: link B as the respondent
        manager.open("/console/arbitration");
        manager.reloadUntil(() -> manager.has(By.id("dispute-" + disputeId)));
        assertThat(manager.find(By.cssSelector("#dispute-" + disputeId)).getText()).contains("P-1001", "Price dumping");
        manager.screenshot("arbitration-queue");
        manager.clickAndLoad(By.cssSelector("#dispute-" + disputeId + " a"));
        assertThat(manager.path()).isEqualTo("/console/arbitration/" + disputeId);
        manager.type(By.id("respondent-partner-id"), "P-1002");
        manager.type(By.id("respondent-registration-id"), registrationB);
        manager.clickAndLoad(By.id("set-respondent"));
        assertDone(manager, "Respondent set.");
        manager.reloadUntil(() -> manager.has(By.id("respondent-partner")));
        assertThat(manager.find(By.id("respondent-partner")).getText()).isEqualTo("P-1002");
        assertThat(manager.find(By.cssSelector("#ranking-at-opening tr[data-registration-id='" + registrationB + "']"))
                .getText()).contains("P-1002");
        assertThat(manager.find(By.cssSelector("#evidence .document-sha256")).getText()).isEqualTo(sha256);

        // a ruling without its rationale: the API refuses it and the page says why
        manager.clickAndLoad(By.id("review-ruling"));
        manager.clickAndLoad(By.id("confirm-ruling"));
        WebElement refusal = manager.find(By.id("action-result"));
        assertThat(refusal.findElement(By.className("problem-code")).getText()).isNotBlank();
        assertThat(refusal.getText()).contains("rationale");
        assertThat(manager.find(By.id("no-ruling")).getText()).isEqualTo("No ruling yet");

        // the ruling: upheld, B's protection revoked, 10 penalty points; its effects are listed before it is sent
        new Select(manager.find(By.id("outcome"))).selectByValue("UPHELD");
        manager.type(By.id("rationale"), "Discount above the entitled maximum");
        manager.type(By.id("partyStatement"), "Upheld: the discount given exceeded what was allowed.");
        manager.click(By.id("revokeRespondentProtection"));
        manager.type(By.id("penaltyPoints"), "10");
        manager.screenshot("dispute-page");
        manager.clickAndLoad(By.id("review-ruling"));
        String effects = manager.find(By.id("effects")).getText();
        assertThat(effects).contains("The complaint is upheld.",
                "The protection of the respondent registration " + registrationB + " is revoked.",
                "10 penalty points are recorded against partner P-1002.");
        manager.screenshot("ruling-confirm");
        manager.clickAndLoad(By.id("confirm-ruling"));
        assertDone(manager, "Ruling recorded.");
        String rulingEvent = manager.find(By.cssSelector("#action-result .event-id")).getText();
        String rulingEntry = manager.find(By.cssSelector("#action-result .audit-entry")).getAttribute("href");
        // the auditors' page: the manager's role may not read the audit trail, and the console answers as the API
        manager.clickAndLoad(By.cssSelector("#action-result .audit-entry"));
        assertThat(manager.find(By.id("problem")).getText()).contains("FORBIDDEN");
        auditor.signInAs("AUDITOR");
        AuditEntry.opensTheEventHighlighted(auditor, rulingEntry, disputeId, rulingEvent, "DisputeRuled");
        assertThat(auditor.find(By.id("dispute-state-status")).getText()).as("the dispute as of the ruling")
                .isEqualTo("Ruled");
        assertThat(auditor.find(By.cssSelector("#dispute-state-rulings li[data-outcome='UPHELD']")).getText())
                .contains("Upheld");
        auditor.screenshot("ruling-audit-entry");
        manager.open("/console/arbitration/" + disputeId);
        manager.reloadUntil(() -> manager.find(By.cssSelector(
                "#linked-registrations tr[data-role='RESPONDENT'] .status")).getText().equals("Revoked"));
        assertThat(manager.find(By.id("dispute-status")).getText()).isEqualTo("Ruled");
        manager.open("/console/partner-record/P-1002");
        manager.reloadUntil(() -> manager.find(By.id("penalty-points")).getText().equals("10"));
        manager.screenshot("partner-record");

        // the complainant: the ruling and its effects, never who the respondent is
        partnerA.open("/console/disputes/" + disputeId);
        partnerA.reloadUntil(() -> partnerA.has(By.cssSelector("#rulings .ruling[data-outcome='UPHELD']")));
        String ruling = partnerA.find(By.id("rulings")).getText();
        assertThat(ruling).contains("Upheld", "Upheld: the discount given exceeded what was allowed.",
                "The protection of the other party was revoked.", "Penalty points against the other party: 10.")
                .doesNotContain("Discount above the entitled maximum");
        assertThat(partnerA.find(By.id("respondent-linked")).getText()).isEqualTo("linked by staff");
        partnerA.screenshot("dispute-ruled");
        assertNeverNamesTheRespondent(partnerA, registrationB);
        partnerA.open("/console/disputes");
        assertThat(partnerA.find(By.cssSelector("tr[data-dispute-id='" + disputeId + "'] .outcome")).getText())
                .isEqualTo("Upheld");
        assertNeverNamesTheRespondent(partnerA, registrationB);
        partnerA.open("/console/partner-record");
        assertThat(partnerA.find(By.id("penalty-points")).getText()).isEqualTo("0");
        assertNeverNamesTheRespondent(partnerA, registrationB);
        partnerA.open("/console/registrations/" + registrationA);
        assertNeverNamesTheRespondent(partnerA, registrationB);
        partnerA.open("/console/registrations");
        assertNeverNamesTheRespondent(partnerA, registrationB);
        partnerA.open("/console/notices");
        assertNeverNamesTheRespondent(partnerA, registrationB);

        // the respondent: its registration revoked, the penalty on its partner record
        partnerB.open("/console/registrations/" + registrationB);
        partnerB.reloadUntil(() -> partnerB.find(By.id("registration-status")).getText().equals("Revoked"));
        partnerB.screenshot("registration-revoked");
        partnerB.open("/console/partner-record");
        partnerB.reloadUntil(() -> partnerB.find(By.id("penalty-points")).getText().equals("10"));
        assertThat(partnerB.find(By.id("partner-id")).getText()).isEqualTo("P-1002");
        assertThat(partnerB.find(By.id("partner-tier")).getText()).as("its own tier").isNotBlank();
        assertThat(partnerB.find(By.id("partner-product-lines")).getText()).as("its authorised product lines")
                .isNotBlank();
        assertThat(partnerB.find(By.cssSelector("#penalties tr[data-dispute-id='" + disputeId + "'] .revoked"))
                .getText()).isEqualTo("Your protection was revoked.");
        partnerB.screenshot("partner-record");
        partnerB.open("/console/disputes/" + disputeId);
        assertThat(partnerB.find(By.id("dispute-role")).getText()).isEqualTo("Respondent");
        assertThat(partnerB.find(By.id("rulings")).getText())
                .contains("Your protection was revoked.", "Penalty points against you: 10.");
        assertThat(partnerB.source()).doesNotContain("P-1001").doesNotContain(registrationA)
                .doesNotContain("18 % below list");
    }

    private static void assertNeverNamesTheRespondent(Browser complainant, String respondentRegistration) {
        assertThat(complainant.source()).as(complainant.path())
                .doesNotContain("P-1002").doesNotContain(respondentRegistration)
                .doesNotContain("Partner B").doesNotContain("partner B").doesNotContain("partner-b-user");
    }

    private static String register(Browser partner, String customer, String inn, String amount) {
        partner.open("/console/registrations/new");
        partner.type(By.id("legalName"), customer);
        partner.type(By.id("country"), "RU");
        partner.type(By.id("taxId"), inn);
        new Select(partner.find(By.id("productLine"))).selectByValue("NETWORK_SECURITY");
        partner.type(By.id("amount"), amount);
        new Select(partner.find(By.id("currency"))).selectByValue("RUB");
        partner.setValue(By.id("expectedCloseDate"), LocalDate.now().plusDays(90).toString());
        partner.clickAndLoad(By.id("submit-registration"));
        return partner.find(By.id("registration-id")).getText();
    }

    private static Path evidenceFile() throws IOException {
        Path file = ProjectPaths.root().resolve("infra/console/target/story2-competing-quote.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Competing quote " + UUID.randomUUID() + ": 1 025 000 RUB, 18 % below list\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The dispute as staff read it from the query API, once it satisfies {@code condition}. */
    private static JsonNode awaitDispute(String disputeId, java.util.function.Predicate<JsonNode> condition) {
        HttpClient http = HttpClient.newHttpClient();
        String token = DemoIdentity.MANAGER.mint(DevTokens.DEFAULT_SECRET, Duration.ofMinutes(10));
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(system.query.baseUrl() + "/api/v1/disputes/" + disputeId))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            seen.set(JsonMapper.builder().build().readTree(response.body()));
            return condition.test(seen.get());
        });
        return seen.get();
    }

    /** The action's outcome at the top of the dispute's page, with the id of the event it was recorded as. */
    private static void assertDone(Browser browser, String outcome) {
        WebElement result = browser.find(By.id("action-result"));
        assertThat(result.findElement(By.className("outcome")).getText()).isEqualTo(outcome);
        assertThat(result.findElement(By.className("event-id")).getText()).as("the recorded event's id")
                .matches("[0-9a-f-]{36}");
    }
}

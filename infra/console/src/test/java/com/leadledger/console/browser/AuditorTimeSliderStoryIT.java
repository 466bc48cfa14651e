package com.leadledger.console.browser;

import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story 3, in real browsers: partners A and B register the same customer, the manager approves A; the auditor finds
 * the customer by its INN, opens the opportunity's history and moves the time slider (with the keyboard) to before
 * the approval, where A is still submitted, to before B registered, where A is alone in the ranking, and back after
 * the approval, where A is approved; without script the list of instants shows the same. Then the auditor checks
 * A's receipt against the published keys (pasted, changed, uploaded) and verifies the history.
 */
class AuditorTimeSliderStoryIT {

    private static final ConsoleSystem system = ConsoleSystem.get();

    @Test
    void theAuditorSeesTheRankingAndStatusBeforeAndAfterTheApproval() {
        try (Browser partnerA = new Browser(system, "story3-partner-a", "en");
             Browser partnerB = new Browser(system, "story3-partner-b", "en");
             Browser manager = new Browser(system, "story3-manager", "en");
             Browser auditor = new Browser(system, "story3-auditor", "en")) {
            String inn = Inns.random();
            String customer = "ООО «Время " + inn + "»";

            partnerA.signInAs("PARTNER_A");
            register(partnerA, customer, inn);
            String registrationA = partnerA.find(By.id("registration-id")).getText();
            String receiptA = partnerA.find(By.id("receipt")).getText();
            partnerB.signInAs("PARTNER_B");
            register(partnerB, customer, inn);
            String registrationB = partnerB.find(By.id("registration-id")).getText();

            manager.signInAs("MANAGER");
            manager.reloadUntil(() -> manager.has(By.id("item-" + registrationA)));
            manager.type(By.id("discount-" + registrationA), "10");
            manager.clickAndLoad(By.cssSelector("#item-" + registrationA + " .approve-button"));
            assertThat(manager.find(By.cssSelector(".decision[data-registration-id='" + registrationA + "']"))
                    .getText()).contains("approved");

            auditor.signInAs("AUDITOR");
            assertThat(auditor.path()).isEqualTo("/console/audit");
            auditor.type(By.id("q"), inn);
            auditor.clickAndLoad(By.id("search-button"));
            auditor.reloadUntil(() -> auditor.has(hit(registrationA)) && auditor.has(hit(registrationB)));
            auditor.screenshot("search");
            auditor.clickAndLoad(By.cssSelector("#hits tr[data-registration-id='" + registrationA + "'] .history-link"));
            auditor.reloadUntil(() -> auditor.has(By.cssSelector("#instants li[data-events*='RegistrationApproved']")));

            int approval = step(auditor, "RegistrationApproved");
            int firstSubmission = step(auditor, "RegistrationSubmitted");
            int last = Integer.parseInt(auditor.find(By.id("time-slider")).getAttribute("max"));
            assertThat(shownStep(auditor)).as("the latest state first").isEqualTo(last);
            assertThat(status(auditor, registrationA)).isEqualTo("APPROVED");
            assertThat(auditor.find(By.cssSelector("#ranking tr[data-registration-id='" + registrationA + "'] .status"))
                    .getText()).isEqualTo("Approved");
            auditor.screenshot("history-latest");

            WebElement slider = auditor.find(By.id("time-slider"));
            move(slider, last - (approval - 1), Keys.ARROW_LEFT);
            awaitStep(auditor, approval - 1);
            assertThat(status(auditor, registrationA)).as("just before the approval").isEqualTo("SUBMITTED");
            assertThat(status(auditor, registrationB)).isEqualTo("SUBMITTED");
            assertThat(positions(auditor)).containsExactly(registrationA, registrationB);
            auditor.screenshot("time-slider-before-approval");

            move(slider, approval - 1 - firstSubmission, Keys.ARROW_LEFT);
            awaitStep(auditor, firstSubmission);
            assertThat(positions(auditor)).as("before B registered, A is alone").containsExactly(registrationA);
            assertThat(status(auditor, registrationA)).isEqualTo("SUBMITTED");

            move(slider, approval - firstSubmission, Keys.ARROW_RIGHT);
            awaitStep(auditor, approval);
            assertThat(status(auditor, registrationA)).as("at the approval").isEqualTo("APPROVED");
            assertThat(status(auditor, registrationB)).isEqualTo("SUBMITTED");
            auditor.screenshot("time-slider-after-approval");

            // without script: the list of instants leads to the same states
            auditor.clickAndLoad(By.cssSelector("#instants li[data-step='" + (approval - 1) + "'] a"));
            assertThat(shownStep(auditor)).isEqualTo(approval - 1);
            assertThat(status(auditor, registrationA)).isEqualTo("SUBMITTED");

            WebElement decision = auditor.find(By.cssSelector("#decisions li[data-event-type='RegistrationApproved']"));
            assertThat(decision.getText()).contains("CHANNEL_MANAGER", registrationA);
            assertThat(decision.findElements(By.cssSelector(".saw li"))).as("what the manager saw").hasSize(2);
            // the decision's event, in the history of the opportunity that recorded it
            String opportunityId = auditor.find(By.id("opportunity-id")).getText();
            WebElement approvalEvent = decision.findElement(By.className("decision-event"));
            AuditEntry.opensTheEventHighlighted(auditor, approvalEvent.getAttribute("href"), opportunityId,
                    approvalEvent.getText(), "RegistrationApproved");

            auditor.open("/console/audit/receipt");
            auditor.find(By.id("receipt-text")).sendKeys(receiptA);
            auditor.clickAndLoad(By.id("check-receipt"));
            assertThat(auditor.find(By.id("receipt-verdict")).getAttribute("data-outcome")).isEqualTo("VALID");
            assertThat(auditor.find(By.id("receipt-verdict")).getText()).contains(registrationA, "P-1001");
            auditor.screenshot("receipt-valid");
            auditor.type(By.id("receipt-text"), receiptA.replace("P-1001", "P-1002"));
            auditor.clickAndLoad(By.id("check-receipt"));
            assertThat(auditor.find(By.id("receipt-verdict")).getAttribute("data-outcome"))
                    .as("a receipt claimed by another partner").isEqualTo("INVALID_SIGNATURE");
            auditor.open("/console/audit/receipt");
            auditor.find(By.id("receipt-file")).sendKeys(receiptFile(receiptA).toString());
            auditor.clickAndLoad(By.id("check-receipt"));
            assertThat(auditor.find(By.id("receipt-verdict")).getAttribute("data-outcome")).as("uploaded")
                    .isEqualTo("VALID");

            auditor.open("/console/audit/integrity");
            auditor.clickAndLoad(By.id("reconcile-now"));
            assertThat(auditor.find(By.id("reconciliation-state")).getAttribute("data-state"))
                    .as("the copy compared with the event store on request").isIn("IN_SYNC", "LAGGING");
            WebElement scope = auditor.find(By.id("reconciliation-scope"));
            assertThat(scope.getAttribute("data-scope")).as("a comparison asked for reads the whole copy")
                    .isEqualTo("FULL");
            assertThat(scope.getText()).isEqualTo("the whole copy");
            auditor.clickAndLoad(By.id("verify-all"));
            assertThat(auditor.path()).startsWith("/console/audit/integrity/verifications/");
            auditor.find(By.id("verification-progress"));
            auditor.reloadUntil(() -> auditor.has(By.cssSelector("#verification-state[data-state='DONE']")));
            assertThat(auditor.find(By.id("verification-result")).getAttribute("data-intact")).isEqualTo("true");
            auditor.screenshot("verification-done");
        }
    }

    /** The receipt as the partner keeps it: a file. */
    private static Path receiptFile(String receipt) {
        try {
            Path file = Files.createTempFile("receipt-", ".json");
            Files.writeString(file, receipt);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static By hit(String registrationId) {
        return By.cssSelector("#hits tr[data-registration-id='" + registrationId + "']");
    }

    /** The slider's stop of the first instant holding an event of this type. */
    private static int step(Browser browser, String eventType) {
        return Integer.parseInt(browser.find(By.cssSelector("#instants li[data-events*='" + eventType + "']"))
                .getAttribute("data-step"));
    }

    private static int shownStep(Browser browser) {
        return Integer.parseInt(browser.find(By.id("state")).getAttribute("data-step"));
    }

    private static void move(WebElement slider, int times, Keys key) {
        for (int i = 0; i < times; i++) {
            slider.sendKeys(key);
        }
    }

    /** The script has replaced the state with the one of this stop. */
    private static void awaitStep(Browser browser, int step) {
        browser.find(By.cssSelector("#state[data-step='" + step + "']:not([aria-busy])"));
    }

    private static String status(Browser browser, String registrationId) {
        return browser.find(By.cssSelector("#ranking tr[data-registration-id='" + registrationId + "']"))
                .getAttribute("data-status");
    }

    /** The registrations of the ranking shown, first registered first. */
    private static List<String> positions(Browser browser) {
        return browser.find(By.id("ranking")).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getAttribute("data-registration-id")).toList();
    }

    private static void register(Browser browser, String customer, String inn) {
        browser.open("/console/registrations/new");
        browser.type(By.id("legalName"), customer);
        browser.type(By.id("country"), "RU");
        browser.type(By.id("taxId"), inn);
        new Select(browser.find(By.id("productLine"))).selectByValue("NETWORK_SECURITY");
        browser.type(By.id("amount"), "1250000");
        new Select(browser.find(By.id("currency"))).selectByValue("RUB");
        browser.setValue(By.id("expectedCloseDate"), LocalDate.now().plusDays(90).format(DateTimeFormatter.ISO_LOCAL_DATE));
        browser.click(By.id("submit-registration"));
    }
}

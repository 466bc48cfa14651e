package com.leadledger.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Story 1, in real browsers: partners A and B register the same customer through the console; the manager sees both
 * in the queue with the duplicate hint, approves A, and B's approval is refused with the reason shown; B sees only the
 * anonymous notice. Each user has a browser (a session) of their own.
 */
class RegistrationConflictStoryIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static Browser partnerA;
    private static Browser partnerB;
    private static Browser manager;

    @BeforeAll
    static void browsers() {
        partnerA = new Browser(system, "story1-partner-a", "en");
        partnerB = new Browser(system, "story1-partner-b", "en");
        manager = new Browser(system, "story1-manager", "en");
    }

    @AfterAll
    static void close() {
        for (Browser browser : new Browser[] {partnerA, partnerB, manager}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void twoPartnersOneCustomerTheEarlierIsApprovedTheLaterRefusedAndToldAnonymously() {
        String inn = Inns.random();
        String customer = "ООО «Конфликт " + inn + "»";

        partnerA.signInAs("PARTNER_A");
        assertThat(partnerA.path()).isEqualTo("/console/registrations");
        partnerA.screenshot("dashboard-empty");

        // a value below the product line's minimum: the API's field problem is shown next to its field
        fillRegistration(partnerA, customer, inn, "1000");
        assertThat(partnerA.find(By.id("amount-error")).getText()).isNotBlank();
        assertThat(partnerA.find(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        partnerA.screenshot("submit-field-problem");

        fillRegistration(partnerA, customer, inn, "1250000");
        String registrationA = partnerA.find(By.id("registration-id")).getText();
        assertThat(partnerA.find(By.id("submitted")).getText()).isNotBlank();
        assertThat(partnerA.find(By.className("event-id")).getText()).as("the submission's recorded event")
                .matches("[0-9a-f-]{36}");
        assertThat(partnerA.has(By.className("audit-entry"))).as("no audit link for a partner").isFalse();
        assertThat(partnerA.find(By.id("receipt")).getText()).contains(registrationA, "signature");
        assertThat(partnerA.find(By.id("receipt-download")).getAttribute("href"))
                .endsWith("/console/registrations/" + registrationA + "/receipt.json");
        partnerA.screenshot("receipt");

        partnerB.signInAs("PARTNER_B");
        fillRegistration(partnerB, customer, inn, "1300000");
        String registrationB = partnerB.find(By.id("registration-id")).getText();

        manager.signInAs("MANAGER");
        assertThat(manager.path()).isEqualTo("/console/review");
        manager.reloadUntil(() -> manager.has(By.id("item-" + registrationA)) && manager.has(By.id("item-" + registrationB)));
        WebElement itemA = manager.find(By.id("item-" + registrationA));
        WebElement itemB = manager.find(By.id("item-" + registrationB));
        assertThat(itemA.getLocation().getY()).as("oldest first").isLessThan(itemB.getLocation().getY());
        assertThat(itemA.findElement(By.className("partner")).getText()).isEqualTo("P-1001");
        assertThat(itemB.findElement(By.className("partner")).getText()).isEqualTo("P-1002");
        assertThat(itemB.findElements(By.className("duplicate-hint"))).as("B's duplicate hint").hasSize(1);
        assertThat(itemA.findElements(By.className("duplicate-hint"))).isEmpty();
        manager.screenshot("review-queue");

        approve(manager, registrationA, "10");
        // next to A while the queue still shows it, above the queue once the query side has it approved
        WebElement approved = manager.find(By.cssSelector(".decision[data-registration-id='" + registrationA + "']"));
        assertThat(approved.getText()).contains(registrationA, "approved");
        String eventId = approved.findElement(By.className("event-id")).getText();
        assertThat(approved.findElement(By.className("recorded-event")).getText()).contains("Recorded as event", eventId);
        String auditEntry = approved.findElement(By.className("audit-entry")).getAttribute("href");
        assertThat(auditEntry).contains("/console/audit/history/").endsWith("?event=" + eventId + "#event-" + eventId);
        String opportunityId = auditEntry.substring(auditEntry.indexOf("/history/") + "/history/".length(),
                auditEntry.indexOf('?'));
        assertThat(auditedEventType(opportunityId, eventId)).as("the event shown is the approval in the audit log")
                .isEqualTo("RegistrationApproved");

        approve(manager, registrationB, "5");
        WebElement refusal = manager.find(By.cssSelector("#item-" + registrationB + " .decision"));
        assertThat(refusal.findElement(By.className("problem-code")).getText()).isEqualTo("EARLIER_REGISTRATION_EXISTS");
        assertThat(refusal.findElement(By.className("problem-title")).getText()).isNotBlank();
        manager.screenshot("approval-refused");

        partnerB.open("/console/notices");
        partnerB.reloadUntil(() -> partnerB.has(By.cssSelector("#notices li[data-kind='EARLIER_REGISTRATION_EXISTS']")));
        String notices = partnerB.find(By.id("notices")).getText();
        assertThat(notices).contains("An earlier registration exists")
                .doesNotContain("P-1001").doesNotContain(registrationA).doesNotContain("Alpha");
        partnerB.screenshot("notices");

        partnerA.open("/console/registrations");
        partnerA.reloadUntil(() -> partnerA.find(By.cssSelector("tr[data-registration-id='" + registrationA + "'] .status"))
                .getText().equals("Approved"));
        assertThat(partnerA.source()).doesNotContain(registrationB).doesNotContain("P-1002");
        partnerA.screenshot("dashboard-approved");
    }

    /** The type of the event with this id in the auditors' event log of the aggregate, once the query side has it. */
    private static String auditedEventType(String aggregateId, String eventId) {
        HttpApi queryApi = new HttpApi(system.query.baseUrl());
        String auditor = DevTokens.mint("story1-auditor", List.of("AUDITOR"), null);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode event : queryApi.get("/api/v1/audit/events?size=200&aggregateId=" + aggregateId, auditor)
                    .body().path("items")) {
                if (eventId.equals(event.path("eventId").asText())) {
                    return event.path("eventType").asText();
                }
            }
            return null;
        }, Objects::nonNull);
    }

    private static void fillRegistration(Browser browser, String customer, String inn, String amount) {
        browser.open("/console/registrations/new");
        browser.type(By.id("legalName"), customer);
        browser.type(By.id("country"), "RU");
        browser.type(By.id("taxId"), inn);
        new Select(browser.find(By.id("productLine"))).selectByValue("NETWORK_SECURITY");
        browser.type(By.id("amount"), amount);
        new Select(browser.find(By.id("currency"))).selectByValue("RUB");
        setDate(browser, LocalDate.now().plusDays(90));
        browser.click(By.id("submit-registration"));
    }

    /** A date input takes the date as typed in the browser's locale: set its value instead. */
    private static void setDate(Browser browser, LocalDate date) {
        browser.setValue(By.id("expectedCloseDate"), date.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }

    private static void approve(Browser browser, String registrationId, String discount) {
        browser.type(By.id("discount-" + registrationId), discount);
        browser.click(By.cssSelector("#item-" + registrationId + " .approve-button"));
    }
}

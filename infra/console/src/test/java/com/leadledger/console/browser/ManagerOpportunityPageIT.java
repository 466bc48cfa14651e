package com.leadledger.console.browser;

import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's side of an opportunity: the approve form shows the partner's tier limits; the opportunity page shows
 * who registered first, takes the support decision, lists the justifications a move may cite, and shows why a
 * switch away from a protected registration is refused; the extension queue shows the partner's request, which
 * the manager grants.
 */
class ManagerOpportunityPageIT {

    private static final ConsoleSystem system = ConsoleSystem.get();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theManagerSeesTheTierLimitsGrantsSupportIsToldWhyAWithdrawalIsRefusedAndGrantsAnExtension() {
        try (Browser partner = new Browser(system, "manager-opportunity-partner", "en");
             Browser manager = new Browser(system, "manager-opportunity-manager", "en")) {
            String inn = Inns.random();
            partner.signInAs("PARTNER_A");
            partner.open("/console/registrations/new");
            partner.type(By.id("legalName"), "ООО «Поддержка " + inn + "»");
            partner.type(By.id("country"), "RU");
            partner.type(By.id("taxId"), inn);
            new Select(partner.find(By.id("productLine"))).selectByValue("NETWORK_SECURITY");
            partner.type(By.id("amount"), "1250000");
            new Select(partner.find(By.id("currency"))).selectByValue("RUB");
            partner.setValue(By.id("expectedCloseDate"),
                    LocalDate.now().plusDays(90).format(DateTimeFormatter.ISO_LOCAL_DATE));
            partner.click(By.id("submit-registration"));
            String registration = partner.find(By.id("registration-id")).getText();

            manager.signInAs("MANAGER");
            manager.reloadUntil(() -> manager.has(By.id("item-" + registration)));
            assertThat(manager.find(By.id("limits-" + registration)).getText())
                    .as("the tier's limits next to the approve form").contains("%", "days");
            String opportunityPage = manager.find(By.cssSelector("#item-" + registration + " .opportunity-link"))
                    .getAttribute("href");
            manager.screenshot("approve-form-tier-limits");
            manager.type(By.id("discount-" + registration), "5");
            manager.clickAndLoad(By.cssSelector("#item-" + registration + " .approve-button"));
            assertThat(manager.find(By.cssSelector(".decision[data-registration-id='" + registration + "']")).getText())
                    .contains("approved");

            manager.open(URI.create(opportunityPage).getPath());
            manager.reloadUntil(() -> manager.has(By.cssSelector("#support-registration option[value='" + registration + "']")));
            assertThat(manager.find(By.cssSelector("#ranking tr[data-registration-id='" + registration + "'] .partner"))
                    .getText()).isEqualTo("P-1001");
            assertThat(manager.find(By.id("justifications")).getText()).contains("Arbitration ruling",
                    "Customer written preference");
            new Select(manager.find(By.id("support-action"))).selectByValue("GRANT");
            new Select(manager.find(By.id("support-registration"))).selectByValue(registration);
            manager.clickAndLoad(By.id("support-submit"));
            assertThat(manager.find(By.id("support-outcome")).getAttribute("data-refused")).isEqualTo("false");
            assertThat(manager.find(By.cssSelector("#support-outcome .event-id")).getText()).as("the recorded event")
                    .matches("[0-9a-f-]{36}");
            String opportunityId = URI.create(opportunityPage).getPath().replace("/console/opportunities/", "");
            assertThat(manager.find(By.cssSelector("#support-outcome .audit-entry")).getAttribute("href"))
                    .contains("/console/audit/history/" + opportunityId + "?event=");
            manager.reloadUntil(() -> manager.find(By.id("supported-registration")).getText().equals(registration)
                    && manager.has(By.cssSelector("#support-history li[data-action='GRANTED']")));

            new Select(manager.find(By.id("support-action"))).selectByValue("WITHDRAW");
            new Select(manager.find(By.id("support-reason"))).selectByValue("PROTECTION_EXPIRED");
            manager.clickAndLoad(By.id("support-submit"));
            var refusal = manager.find(By.id("support-outcome"));
            assertThat(refusal.getAttribute("data-refused")).isEqualTo("true");
            assertThat(refusal.findElement(By.className("problem-code")).getText())
                    .isEqualTo("SUPPORT_SWITCH_NOT_ALLOWED");
            assertThat(refusal.getText()).contains("still protected");
            manager.screenshot("opportunity-support-refused");

            // the partner asks for more protection (through the API here; KeyboardOnlyIT asks on the partner's page)
            requestExtension(registration, 20, "the customer's tender moved by three weeks");
            manager.open("/console/extensions");
            manager.reloadUntil(() -> manager.has(By.id("extension-" + registration)));
            assertThat(manager.find(By.cssSelector("#extension-" + registration + " .days")).getText()).isEqualTo("20");
            assertThat(manager.find(By.id("extension-" + registration)).getText()).contains("tender moved");
            manager.screenshot("extension-queue");
            manager.type(By.id("grant-note-" + registration), "agreed with the partner manager");
            manager.clickAndLoad(By.cssSelector("#extension-" + registration + " .grant-button"));
            assertThat(manager.find(By.id("extension-outcome")).getAttribute("data-refused")).isEqualTo("false");
            String extensionEvent = manager.find(By.cssSelector("#extension-outcome .event-id")).getText();
            assertThat(extensionEvent).as("the recorded event").matches("[0-9a-f-]{36}");
            assertThat(manager.find(By.cssSelector("#extension-outcome .audit-entry")).getAttribute("href"))
                    .as("the grant, in the history of the opportunity that recorded it")
                    .endsWith("/console/audit/history/" + opportunityId + "?event=" + extensionEvent + "#event-"
                            + extensionEvent);
            manager.reloadUntil(() -> !manager.has(By.id("extension-" + registration)));
        }
    }

    private static void requestExtension(String registrationId, int days, String reason) {
        String token = DevTokens.mint("partner-a", List.of("PARTNER"), "P-1001");
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.command.baseUrl()
                        + "/api/v1/registrations/" + registrationId + "/extension-requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"days\": " + days + ", \"reason\": \"" + reason + "\"}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

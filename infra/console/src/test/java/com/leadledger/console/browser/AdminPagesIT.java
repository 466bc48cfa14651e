package com.leadledger.console.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadledger.localruntime.DevTokens;
import com.leadledger.testsupport.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's pages in a real browser, each action through the services' APIs: a partner onboarded, its tier and
 * product lines changed, suspended and reinstated; two policy versions compared; a parked dead letter retried (and
 * refused, as it is no event) and discarded; a projection rebuild started and followed until it is done.
 */
class AdminPagesIT {

    private static final ConsoleSystem system = ConsoleSystem.get();
    private static Browser admin;

    @BeforeAll
    static void signIn() {
        admin = new Browser(system, "admin", "en");
        admin.signInAs("ADMIN");
        assertThat(admin.path()).as("the admin starts at the partner registry").isEqualTo("/console/admin/partners");
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void theAdminOnboardsAPartnerAndChangesItsTierProductLinesAndSuspension() {
        admin.open("/console/admin/partners");
        String partnerId = "P-ADM-" + UUID.randomUUID().toString().substring(0, 8);
        admin.type(By.id("onboard-partnerId"), partnerId);
        admin.type(By.id("onboard-name"), "Admin Test " + partnerId);
        new Select(admin.find(By.id("onboard-tier"))).selectByValue("SILVER");
        admin.click(By.id("onboard-line-NETWORK_SECURITY"));
        admin.click(By.id("onboard"));
        assertThat(admin.find(By.id("change")).getText()).contains(partnerId, "onboarded");
        assertThat(admin.find(By.cssSelector("#change .event-id")).getText()).as("the recorded event")
                .matches("[0-9a-f-]{36}");
        admin.reloadUntil(() -> admin.has(By.id("partner-" + partnerId)));
        assertThat(admin.find(By.cssSelector("#partner-" + partnerId + " .tier")).getText()).isEqualTo("Silver");
        admin.screenshot("partners");

        admin.clickAndLoad(By.linkText(partnerId));
        new Select(admin.find(By.id("tier"))).selectByValue("GOLD");
        admin.click(By.id("change-tier"));
        assertThat(admin.find(By.id("change")).getText()).contains("Tier of partner " + partnerId + " changed");
        String tierEvent = admin.find(By.cssSelector("#change .event-id")).getText();
        String tierEntry = admin.find(By.cssSelector("#change .audit-entry")).getAttribute("href");
        try (Browser auditor = new Browser(system, "admin-auditor", "en")) {
            auditor.signInAs("AUDITOR");
            AuditEntry.opensTheEventHighlighted(auditor, tierEntry, partnerId, tierEvent, "PartnerTierChanged");
            assertThat(auditor.find(By.id("event-" + tierEvent)).getText()).contains("GOLD");
            auditor.screenshot("tier-change-audit-entry");
            auditor.open("/console/admin/partners/" + partnerId); // auditors read partners, and open their history
            auditor.clickAndLoad(By.id("aggregate-history"));
            assertThat(auditor.path()).isEqualTo("/console/audit/history/" + partnerId);
            assertThat(auditor.find(By.id("history-aggregate-type")).getText()).isEqualTo("Partner");
            assertThat(auditor.findAll(By.cssSelector("#history-events .history-event")))
                    .extracting(event -> event.getAttribute("data-event-type"))
                    .containsSubsequence("PartnerOnboarded", "PartnerTierChanged");
            assertThat(auditor.findAll(By.cssSelector("#history-events .highlighted"))).as("nothing to highlight")
                    .isEmpty();
        }
        admin.reloadUntil(() -> admin.find(By.id("partner-tier")).getText().equals("Gold"));

        admin.click(By.id("line-DATA_CENTER"));
        admin.click(By.id("change-product-lines"));
        admin.reloadUntil(() -> admin.find(By.id("partner-product-lines")).getText().contains("Data center"));

        admin.type(By.id("suspend-reason"), "Contract under review");
        admin.click(By.id("suspend"));
        admin.reloadUntil(() -> admin.find(By.id("partner-status")).getText().equals("Suspended"));
        admin.screenshot("partner-suspended");
        admin.click(By.id("reinstate"));
        admin.reloadUntil(() -> admin.find(By.id("partner-status")).getText().equals("Active"));

        new Select(admin.find(By.id("tier"))).selectByValue("GOLD"); // the tier it has: the API's refusal is shown
        admin.click(By.id("change-tier"));
        assertThat(admin.find(By.cssSelector("#change .problem-code")).getText()).isEqualTo("NO_CHANGE");
    }

    @Test
    void theAdminComparesTwoPolicyVersionsSettingBySetting() {
        HttpApi command = new HttpApi(system.command.baseUrl());
        String token = DevTokens.mint("admin-test", List.of("ADMIN"), null);
        ObjectNode policy = (ObjectNode) command.get("/api/v1/policies/current", token).body().get("policy").deepCopy();
        long before = command.get("/api/v1/policies/current", token).body().get("version").asLong();
        int evidence = policy.with("limits").get("evidencePerPartyPerDispute").asInt();
        policy.with("limits").put("evidencePerPartyPerDispute", evidence + 1);
        HttpApi.Answer published = command.post("/api/v1/policies", token, policy.toString());
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        long after = published.body().get("version").asLong();

        admin.open("/console/admin/policies");
        assertThat(admin.find(By.id("version-" + after)).getText()).contains("in force");
        new Select(admin.find(By.id("from"))).selectByValue(String.valueOf(before));
        new Select(admin.find(By.id("to"))).selectByValue(String.valueOf(after));
        admin.click(By.id("compare"));
        var row = admin.find(By.cssSelector("#policy-diff tr[data-path='limits.evidencePerPartyPerDispute']"));
        assertThat(row.getAttribute("data-kind")).isEqualTo("CHANGED");
        assertThat(row.findElement(By.className("before")).getText()).isEqualTo(String.valueOf(evidence));
        assertThat(row.findElement(By.className("after")).getText()).isEqualTo(String.valueOf(evidence + 1));
        assertThat(admin.findAll(By.cssSelector("#policy-diff tbody tr"))).hasSize(1);
        admin.screenshot("policy-diff");
    }

    @Test
    void theAdminRetriesAndDiscardsADeadLetter() throws Exception {
        long deadLetter = system.parkARecordThatIsNoEvent();
        admin.open("/console/admin/dead-letters");
        admin.clickAndLoad(By.linkText(String.valueOf(deadLetter)));
        assertThat(admin.find(By.id("record")).getText()).isEqualTo("not an event envelope");

        admin.click(By.id("retry")); // a record that is no event cannot be applied: the API's refusal is shown
        assertThat(admin.find(By.cssSelector("#outcome .problem-code")).getText()).isEqualTo("DEAD_LETTER_RETRY_FAILED");
        admin.screenshot("dead-letter");

        admin.type(By.id("discard-reason"), "not an event of the event store");
        admin.click(By.id("discard"));
        assertThat(admin.find(By.id("outcome")).getText()).contains("discarded", "Resolved");
        assertThat(admin.find(By.id("dead-letter-status")).getText()).isEqualTo("Resolved");
        assertThat(admin.has(By.id("retry"))).isFalse();
    }

    @Test
    void theAdminStartsAProjectionRebuildAndFollowsItsProgress() {
        admin.open("/console/admin/rebuild");
        admin.click(By.id("start-rebuild"));
        assertThat(admin.path()).startsWith("/console/admin/rebuild/");
        assertThat(admin.find(By.id("rebuild-progress")).getTagName()).isEqualTo("progress");
        admin.awaitAttribute(By.id("rebuild"), "data-state", "DONE", Duration.ofSeconds(120));
        assertThat(admin.find(By.id("rebuild-state")).getText()).isEqualTo("Done");
        assertThat(admin.find(By.id("rebuild-done")).getText()).isEqualTo(admin.find(By.id("rebuild-total")).getText());
        admin.screenshot("rebuild-done");
    }
}

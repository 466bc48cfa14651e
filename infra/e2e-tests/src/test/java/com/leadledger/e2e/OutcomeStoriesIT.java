package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.awaitNotices;
import static com.leadledger.e2e.StorySteps.businessDaysAfter;
import static com.leadledger.e2e.StorySteps.instant;
import static com.leadledger.e2e.StorySteps.invisibleTo;
import static com.leadledger.e2e.StorySteps.kindsOf;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.refused;
import static com.leadledger.e2e.StorySteps.refusedField;
import static com.leadledger.e2e.StorySteps.registration;
import static com.leadledger.e2e.StorySteps.reviewQueueEntry;
import static com.leadledger.e2e.StorySteps.status;
import static com.leadledger.e2e.StorySteps.submitted;
import static com.leadledger.e2e.StorySteps.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner reports how the deal ended, through both services: WON with its final value, LOST with a reason. A lost
 * registration leaves the competition and the next one in line becomes reviewable; the competing partner is told
 * nothing of the outcome.
 */
class OutcomeStoriesIT {

    @Test
    void aWonDealKeepsItsFinalValueAndSupportAndTheCompetitorLearnsNothing() {
        String owner = onboardPartner("GOLD", "NETWORK_SECURITY");
        String competitor = onboardPartner("SILVER", "NETWORK_SECURITY");
        String inn = Inns.random();
        HttpApi.Answer accepted = submitted(owner, inn, "NETWORK_SECURITY");
        String reg = accepted.text("registrationId");
        String opp = accepted.text("opportunityId");
        String competing = submitted(competitor, inn, "NETWORK_SECURITY").text("registrationId");
        Instant protectedUntil = instant(ok("/api/v1/registrations/" + reg + "/approve", MANAGER,
                "{\"discountPercent\": 12.5}").body().get("protectedUntil"));
        ok("/api/v1/opportunities/" + opp + "/support", MANAGER,
                "{\"action\": \"GRANT\", \"registrationId\": \"" + reg + "\"}");

        // only the owner reports; WON needs the final value
        refused(post("/api/v1/registrations/" + reg + "/outcome", partnerToken(competitor),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1\", \"currency\": \"RUB\"}}"), 404, "NOT_FOUND");
        refusedField(post("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner), "{\"result\": \"WON\"}"),
                "finalValue", null);

        Instant before = Instant.now();
        HttpApi.Answer won = ok("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"1100000.00\", \"currency\": \"RUB\"}}");
        Instant after = Instant.now();
        assertThat(won.text("registrationId")).isEqualTo(reg);
        assertThat(won.text("status")).isEqualTo("WON");

        JsonNode view = registration(reg, partnerToken(owner), status("WON"));
        assertThat(view.at("/outcome/result").asText()).isEqualTo("WON");
        assertThat(view.at("/outcome/finalValue/amount").asText()).isEqualTo("1100000.00");
        assertThat(view.at("/outcome/finalValue/currency").asText()).isEqualTo("RUB");
        assertThat(view.at("/outcome/reason").isNull()).isTrue();
        assertThat(instant(view.at("/outcome/reportedAt"))).isBetween(before, after);
        assertThat(instant(view.get("protectedUntil"))).isEqualTo(protectedUntil);
        assertThat(view.get("discountPercent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(view.get("supported").asBoolean()).as("a won deal keeps the vendor's support").isTrue();
        assertThat(kindsOf(view.get("notices"))).as("reporting an outcome tells the owner nothing new")
                .containsExactly("SUPPORT_GRANTED", "REGISTRATION_APPROVED");

        // the deal is closed: no second outcome, no more protection time
        refused(post("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner),
                "{\"result\": \"LOST\", \"reason\": \"changed our mind\"}"), 409, "REGISTRATION_NOT_ACTIVE");
        refused(post("/api/v1/registrations/" + reg + "/extension-requests", partnerToken(owner),
                "{\"reason\": \"more time\"}"), 409, "NOT_PROTECTED");

        JsonNode opportunity = system.awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> "WON".equals(o.at("/ranking/0/status").asText()));
        assertThat(opportunity.get("ranking").findValuesAsText("status")).containsExactly("WON", "SUBMITTED");
        assertThat(opportunity.get("supportedRegistrationId").asText()).isEqualTo(reg);

        assertThat(kindsOf(awaitNotices(competitor, 1))).containsExactly("EARLIER_REGISTRATION_EXISTS");
        JsonNode competingView = registration(competing, partnerToken(competitor), v -> true);
        assertThat(competingView.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(competingView.get("outcome").isNull()).isTrue();
        assertThat(competingView.toString()).doesNotContain("1100000", reg, owner);
        invisibleTo(competitor, reg);
    }

    @Test
    void aLostDealLeavesTheCompetitionAndTheNextRegistrationBecomesReviewableWithAFreshClock() {
        String owner = onboardPartner("SILVER", "COLLABORATION");
        String competitor = onboardPartner("GOLD", "COLLABORATION");
        String inn = Inns.random();
        HttpApi.Answer accepted = submitted(owner, inn, "COLLABORATION");
        String reg = accepted.text("registrationId");
        String opp = accepted.text("opportunityId");
        String competing = submitted(competitor, inn, "COLLABORATION").text("registrationId");
        ok("/api/v1/registrations/" + reg + "/approve", MANAGER, "{\"discountPercent\": 10}");
        refused(post("/api/v1/registrations/" + competing + "/approve", MANAGER, "{\"discountPercent\": 5}"), 409,
                "EARLIER_REGISTRATION_EXISTS");

        refusedField(post("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner), "{\"result\": \"LOST\"}"),
                "reason", null);
        HttpApi.Answer lost = ok("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner),
                "{\"result\": \"LOST\", \"reason\": \"the customer chose another vendor\"}");
        assertThat(lost.text("status")).isEqualTo("LOST");

        JsonNode view = registration(reg, partnerToken(owner), status("LOST"));
        assertThat(view.at("/outcome/result").asText()).isEqualTo("LOST");
        assertThat(view.at("/outcome/reason").asText()).isEqualTo("the customer chose another vendor");
        assertThat(view.at("/outcome/finalValue").isNull()).isTrue();
        assertThat(kindsOf(view.get("notices"))).containsExactly("REGISTRATION_APPROVED");
        Instant lostAt = instant(view.at("/outcome/reportedAt"));

        // the next registration in line is reviewable now, its review clock started at the loss
        Instant reviewDue = businessDaysAfter(lostAt, 2);
        JsonNode next = registration(competing, MANAGER,
                v -> v.has("reviewDueAt") && instant(v.get("reviewDueAt")).equals(reviewDue));
        assertThat(next.get("reviewLevel").asInt()).isEqualTo(1);
        assertThat(next.get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode entry = reviewQueueEntry(competing, item -> !item.path("slaDueAt").isNull()
                && reviewDue.equals(instant(item.get("slaDueAt"))));
        assertThat(entry.get("earlierActiveExists").asBoolean()).isFalse();
        assertThat(entry.get("level").asInt()).isEqualTo(1);
        assertThat(instant(entry.get("slaDueAt"))).isEqualTo(reviewDue);
        assertThat(entry.get("position").asInt()).isEqualTo(2);
        ok("/api/v1/registrations/" + competing + "/approve", MANAGER, "{\"discountPercent\": 15}");

        JsonNode opportunity = system.awaitQuery("/api/v1/opportunities/" + opp, MANAGER,
                o -> "APPROVED".equals(o.at("/ranking/1/status").asText()));
        assertThat(opportunity.get("ranking").findValuesAsText("status")).containsExactly("LOST", "APPROVED");

        // the competitor learns of its own approval, never of the other deal's loss
        JsonNode competitorNotices = awaitNotices(competitor, 2);
        assertThat(kindsOf(competitorNotices)).containsExactly("REGISTRATION_APPROVED", "EARLIER_REGISTRATION_EXISTS");
        assertThat(competitorNotices.toString()).doesNotContain("LOST", "another vendor", reg, owner);
        invisibleTo(competitor, reg);
        invisibleTo(owner, competing);
    }
}

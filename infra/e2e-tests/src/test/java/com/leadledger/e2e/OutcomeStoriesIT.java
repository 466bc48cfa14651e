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

    /**
     * A deal won below the product line's price floor is flagged as possible dumping: the staff queue shows it with
     * every number (JSON and CSV), the partner is told nothing and cannot read the queue, and staff turn the flag into
     * a PRICE_DUMPING dispute pre-filled from it, which the flag then names; a second attempt is a coded 409.
     */
    @Test
    void aWonBelowTheFloorIsFlaggedQueuedWithItsNumbersAndTurnedIntoADispute() {
        String owner = onboardPartner("GOLD", "NETWORK_SECURITY");
        String reg = submitted(owner, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        ok("/api/v1/registrations/" + reg + "/approve", MANAGER, "{\"discountPercent\": 10}");
        HttpApi.Answer won = ok("/api/v1/registrations/" + reg + "/outcome", partnerToken(owner),
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"800000.00\", \"currency\": \"RUB\"}}");
        // the answer names the WON only: the flag recorded with it is not the partner's to learn of
        assertThat(won.body().get("eventIds")).hasSize(1);
        String flagId = "DF-" + reg;

        JsonNode flag = system.awaitQuery("/api/v1/dumping-flags/" + flagId, MANAGER, f -> true);
        assertThat(flag.get("status").asText()).isEqualTo("OPEN");
        assertThat(flag.get("registrationId").asText()).isEqualTo(reg);
        assertThat(flag.get("partnerId").asText()).isEqualTo(owner);
        assertThat(flag.at("/registeredValue/amount").asText()).isEqualTo("1250000.00");
        assertThat(flag.at("/finalValue/amount").asText()).isEqualTo("800000.00");
        assertThat(flag.get("approvedDiscountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(flag.get("impliedDiscountPercent").decimalValue()).isEqualByComparingTo("36");
        assertThat(flag.at("/floor/maxDiscountPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(flag.at("/floorValue/amount").asText()).isEqualTo("875000");
        assertThat(flag.get("rules").toString()).isEqualTo("[\"DISCOUNT_ABOVE_APPROVED\",\"BELOW_POLICY_FLOOR\"]");
        JsonNode queue = system.awaitQuery("/api/v1/dumping-flags?size=200", MANAGER,
                page -> page.get("items").findValuesAsText("flagId").contains(flagId));
        assertThat(queue.get("items").findValuesAsText("status")).containsOnly("OPEN");
        HttpApi.Answer csv = system.queryApi.get("/api/v1/dumping-flags?size=200", MANAGER, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).contains("impliedDiscountPercent", "floorValue.amount")
                .containsPattern(flagId + ",OPEN,.*,1250000\\.00,RUB,800000\\.00,RUB,10,36,30,,875000,RUB");

        // not a finding: the partner is told nothing and cannot read the queue
        assertThat(system.queryApi.get("/api/v1/dumping-flags", partnerToken(owner)).status()).isEqualTo(403);
        assertThat(kindsOf(registration(reg, partnerToken(owner), status("WON")).get("notices")))
                .containsExactly("REGISTRATION_APPROVED");

        refused(post("/api/v1/dumping-flags/" + flagId + "/dispute", partnerToken(owner), "{}"), 403, "FORBIDDEN");
        HttpApi.Answer disputed = post("/api/v1/dumping-flags/" + flagId + "/dispute", MANAGER, "{}");
        assertThat(disputed.status()).as(disputed.raw()).isEqualTo(201);
        String disputeId = disputed.text("disputeId");
        refused(post("/api/v1/dumping-flags/" + flagId + "/dispute", MANAGER, "{}"), 409,
                "DUMPING_FLAG_ALREADY_DISPUTED");

        JsonNode dispute = system.awaitQuery("/api/v1/disputes/" + disputeId, MANAGER,
                d -> !d.path("respondent").isMissingNode() && !d.path("respondent").isNull());
        assertThat(dispute.get("type").asText()).isEqualTo("PRICE_DUMPING");
        assertThat(dispute.get("dumpingFlagId").asText()).isEqualTo(flagId);
        assertThat(dispute.toString()).contains("800000.00", "1250000.00", owner);
        JsonNode closed = system.awaitQuery("/api/v1/dumping-flags/" + flagId, MANAGER,
                f -> "DISPUTED".equals(f.get("status").asText()));
        assertThat(closed.get("disputeId").asText()).isEqualTo(disputeId);
        assertThat(system.awaitQuery("/api/v1/dumping-flags?status=DISPUTED&size=200", MANAGER,
                page -> page.get("items").findValuesAsText("flagId").contains(flagId))).isNotNull();
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

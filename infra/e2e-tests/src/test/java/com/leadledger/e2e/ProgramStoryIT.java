package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.StorySteps.ADMIN;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.instant;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.refused;
import static com.leadledger.e2e.StorySteps.submitted;
import static com.leadledger.e2e.StorySteps.system;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner program through both services, under the shipped policy: a partner earns points by an early, approved
 * registration and a large win; the qualification run proposes the next tier and an admin confirms it, so the next
 * approval protects for longer; a ruling's penalty points cost it points; a redemption over the individual cap is
 * refused; its scorecard as of before the promotion still shows how it stood then, and no other partner can read it.
 */
class ProgramStoryIT {

    @Test
    void aPartnerEarnsPointsIsPromotedByTheRunAndLosesPointsToARuling() {
        String partner = onboardPartner("REGISTERED", "NETWORK_SECURITY");
        String rival = onboardPartner("SILVER", "NETWORK_SECURITY");
        String token = partnerToken(partner);
        String scorecard = "/api/v1/partners/" + partner + "/scorecard";

        // registered 90 days before its close and approved: +10, and +5 for 60 days or more ahead; REGISTERED
        // protects for 60 days
        String first = submitted(partner, Inns.random(), "NETWORK_SECURITY").text("registrationId");
        Instant firstApproved = Instant.now();
        Instant firstProtected = instant(ok("/api/v1/registrations/" + first + "/approve", MANAGER,
                "{\"discountPercent\": 5}").body().get("protectedUntil"));
        assertThat(Duration.between(firstApproved, firstProtected).toDays()).isBetween(59L, 60L);
        // won for RUB 30,000,000: one point per full 100,000
        ok("/api/v1/registrations/" + first + "/outcome", token,
                "{\"result\": \"WON\", \"finalValue\": {\"amount\": \"30000000.00\", \"currency\": \"RUB\"}}");
        JsonNode earned = system.awaitQuery(scorecard, token, s -> s.at("/points/balance").asInt() == 315);
        assertThat(earned.at("/tier/tier").asText()).isEqualTo("REGISTERED");
        assertThat(decimal(earned.at("/earlyRegistration/earlyShare"))).isEqualByComparingTo("1");
        Instant beforePromotion = Instant.now();

        // the qualification run measures the win and the early share and proposes SILVER (GOLD also asks for
        // certified specialists); the admin confirms
        HttpApi.Answer run = post("/api/v1/program/qualification-runs", ADMIN, "");
        assertThat(run.status()).as(run.raw()).isEqualTo(201);
        String evaluationId = null;
        for (JsonNode evaluation : run.body().get("evaluations")) {
            if (evaluation.get("partnerId").asText().equals(partner)) {
                evaluationId = evaluation.get("evaluationId").asText();
            }
        }
        assertThat(evaluationId).as("the run evaluated the partner: " + run.raw()).isNotNull();
        JsonNode proposed = system.awaitQuery(scorecard, token,
                s -> s.at("/tier/evaluation/proposedTier").asText().equals("SILVER"));
        assertThat(proposed.at("/tier/next/tier").asText()).isEqualTo("SILVER");
        for (JsonNode requirement : proposed.at("/tier/next/requirements")) {
            assertThat(requirement.get("met").asBoolean()).as(requirement.toString()).isTrue();
            if (requirement.get("rule").asText().equals("minWonRevenue")) {
                assertThat(decimal(requirement.get("actual"))).isEqualByComparingTo("30000000");
            }
        }
        ok("/api/v1/partners/" + partner + "/tier-proposals/" + evaluationId + "/confirmation", ADMIN, "{}");

        // the next approval protects for SILVER's 90 days: +10 and +5 again
        String innTwo = Inns.random();
        String second = submitted(partner, innTwo, "NETWORK_SECURITY").text("registrationId");
        Instant secondApproved = Instant.now();
        Instant secondProtected = instant(ok("/api/v1/registrations/" + second + "/approve", MANAGER,
                "{\"discountPercent\": 10}").body().get("protectedUntil"));
        assertThat(Duration.between(secondApproved, secondProtected).toDays()).isBetween(89L, 90L);
        system.awaitQuery(scorecard, token, s -> s.at("/points/balance").asInt() == 330
                && s.at("/tier/tier").asText().equals("SILVER"));

        // the rival claims the same deal; the ruling upholds it with 2 penalty points: 10 points each
        String claim = submitted(rival, innTwo, "NETWORK_SECURITY").text("registrationId");
        HttpApi.Answer opened = post("/api/v1/disputes", partnerToken(rival), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s",
                 "description": "We brought this customer to the vendor first."}""".formatted(claim));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String dispute = opened.text("disputeId");
        ok("/api/v1/disputes/" + dispute + "/respondent", MANAGER,
                "{\"partnerId\": \"" + partner + "\", \"registrationId\": \"" + second + "\"}");
        ok("/api/v1/disputes/" + dispute + "/assign", MANAGER, "{\"assignee\": \"channel_manager-1\"}");
        ok("/api/v1/disputes/" + dispute + "/ruling", MANAGER, """
                {"outcome": "UPHELD", "rationale": "The respondent registered a deal the complainant had brought.",
                 "penaltyPoints": 2}""");
        system.awaitQuery(scorecard, token, s -> s.at("/points/balance").asInt() == 310);

        // 301 points is over the 300 one person may redeem in 30 days; 100 points is 10,000 RUB of marketing fund
        refused(post("/api/v1/partners/" + partner + "/points/redemptions", token,
                "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 301}"), 409, "POINTS_REDEMPTION_CAP_EXCEEDED");
        HttpApi.Answer redeemed = post("/api/v1/partners/" + partner + "/points/redemptions", token,
                "{\"kind\": \"MARKETING_FUND_CREDIT\", \"points\": 100}");
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(201);
        assertThat(decimal(redeemed.body().at("/marketingFundCredit/amount"))).isEqualByComparingTo("10000");
        JsonNode now = system.awaitQuery(scorecard, token, s -> s.at("/points/balance").asInt() == 210);
        assertThat(now.at("/tier/tier").asText()).isEqualTo("SILVER");

        // as of before the promotion: REGISTERED with 315 points and no evaluation yet
        JsonNode then = system.awaitQuery(scorecard + "?asOf=" + beforePromotion, token, s -> true);
        assertThat(then.at("/tier/tier").asText()).isEqualTo("REGISTERED");
        assertThat(then.at("/points/balance").asInt()).isEqualTo(315);
        assertThat(then.at("/tier/evaluation").isMissingNode() || then.at("/tier/evaluation").isNull()).isTrue();

        // nobody else's business
        HttpApi.Answer byRival = system.queryApi.get(scorecard, partnerToken(rival));
        assertThat(byRival.status()).as(byRival.raw()).isEqualTo(404);
    }

    /** A decimal the API writes as a JSON number or, like money amounts, as a string. */
    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}

package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.localruntime.ServiceProcess;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

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
 * refused; its scorecard as of before the promotion still shows how it stood then, and no other partner can read it;
 * when the quarter of the win has ended (a second command service whose clock runs past it), closing the quarter
 * accrues the rebate computed by hand across the brackets.
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
        Instant won = Instant.now();
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

        // the quarter of the win closes: its rebate is the statement computed by hand below
        Quarter quarter = Quarter.of(won);
        try (ServiceProcess afterQuarter = system.commandServiceAhead(quarter.untilAfterItsEnd(Instant.now()))) {
            HttpApi.Answer closed = new HttpApi(afterQuarter.baseUrl())
                    .post("/api/v1/program/rebate-periods/" + quarter.name() + "/close", ADMIN, "");
            assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
            assertThat(closed.raw()).contains(partner);
        }
        String rebates = "/api/v1/partners/" + partner + "/rebates?period=" + quarter.name();
        JsonNode statement = system.awaitQuery(rebates, token, s -> s.get("total").asInt() == 1).at("/items/0");
        assertThat(statement.get("period").asText()).isEqualTo(quarter.name());
        assertThat(decimal(statement.get("volume"))).isEqualByComparingTo("30000000");
        assertThat(statement.get("registrationIds")).extracting(JsonNode::asText).containsExactly(first);
        assertThat(statement.at("/lines/0/productLine").asText()).isEqualTo("NETWORK_SECURITY");
        // no volume last year, so the line's minimum baseline of 3,000,000 counts; each rate applies only to the
        // volume inside its bracket
        JsonNode part = statement.at(quarter.isSeason() ? "/lines/0/season" : "/lines/0/offSeason");
        assertThat(decimal(part.get("baseline"))).isEqualByComparingTo("3000000");
        List<BigDecimal> bracketAmounts = (quarter.isSeason()
                // October to December: 2 % of 3.0–3.6 M, 4 % of 3.6–4.5 M, 6 % of the 25.5 M above 4.5 M
                ? Stream.of("12000", "36000", "1530000")
                // other months: 3 % of 3.0–3.6 M, 5 % of 3.6–4.5 M, 7 % of 4.5–6.0 M, 9 % of the 24 M above 6 M
                : Stream.of("18000", "45000", "105000", "2160000")).map(BigDecimal::new).toList();
        assertThat(part.get("brackets")).extracting(bracket -> decimal(bracket.get("amount")))
                .usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(bracketAmounts);
        assertThat(decimal(statement.get("amount"))).isEqualByComparingTo(quarter.isSeason() ? "1578000" : "2328000");
        // a quarter's rebate is due at once, on the first day after the quarter
        assertThat(statement.at("/payouts/0/dueOn").asText()).isEqualTo(quarter.dayAfter().toString());
        assertThat(system.queryApi.get(rebates, partnerToken(rival)).status()).isEqualTo(404);
    }

    /** A calendar quarter in the shipped policy's time zone, where rebate periods are counted. */
    private record Quarter(int year, int number) {

        private static final ZoneId POLICY_ZONE = ZoneId.of("Europe/Moscow");

        static Quarter of(Instant instant) {
            LocalDate day = instant.atZone(POLICY_ZONE).toLocalDate();
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        String name() {
            return year + "-Q" + number;
        }

        /** The shipped policy's season months are October to December. */
        boolean isSeason() {
            return number == 4;
        }

        LocalDate dayAfter() {
            return LocalDate.of(year, 1, 1).plusMonths(3L * number);
        }

        /** How far a clock must run ahead of {@code now} to stand a day after the quarter's end. */
        Duration untilAfterItsEnd(Instant now) {
            return Duration.between(now, dayAfter().plusDays(1).atStartOfDay(POLICY_ZONE).toInstant());
        }
    }

    /** A decimal the API writes as a JSON number or, like money amounts, as a string. */
    private static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}

package com.leadledger.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.envelope.EventEnvelope;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;
import com.leadledger.events.program.TierQualificationEvaluated;
import com.leadledger.query.EnvelopeSeal;
import com.leadledger.query.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new policy version changes what the scorecard shows from its publication on, while the scorecard as of an instant
 * before it still shows the figures under the version in force then; the rebate statement refuses a period of the
 * other kind than the policy in force at asOf accrues; every asOf endpoint refuses a future instant alike.
 * <p>
 * The query ITs share one database and other classes publish policies too. The policy in force at an instant is the
 * one stored last (by global index) among those published at or before it, so each test method publishes its two
 * versions in a year of its own long before anything else stored (from 1995 on, never overlapping another method's
 * window), with global indexes that grow with the publication instant (its day number since 1990, lower than other
 * tests' indexes as a rule): at each instant read here the version in force is the last one this method published
 * before it; and the last of them, the only one another class could find in force now, is a quarterly B like the
 * shipped policy, so that what other classes read does not change.
 */
class ScorecardUnderPolicyVersionsIT extends QueryServiceITBase {

    private static final Instant INDEX_EPOCH = Instant.parse("1990-01-01T00:00:00Z");

    /** Policy versions A (in force from {@code base}) and B (from {@code base + 60 days}) and the instants read. */
    record Versions(long a, long b, Instant base, Instant between, Instant afterB) {
    }

    @Test
    void theScorecardAsOfAnInstantBeforeANewPolicyVersionShowsTheRulesInForceThen() {
        String partner = uniquePartner("versions");
        Versions versions = publishPolicies(0);
        Instant onboardedAt = versions.base().plus(Duration.ofDays(1));
        Instant evaluatedAt = versions.base().plus(Duration.ofDays(2));
        List<EventEnvelope> stream = List.of(
                partnerEvent(new PartnerOnboarded(partner, "Versions Ltd", PartnerTier.SILVER,
                        List.of("NETWORK_SECURITY"), "https://hooks.example/" + partner, onboardedAt), 0, onboardedAt),
                partnerEvent(new TierQualificationEvaluated(partner, "eval-" + partner, "run-" + partner,
                        LocalDate.ofInstant(evaluatedAt, ZoneOffset.UTC), versions.base().minus(Duration.ofDays(365)),
                        evaluatedAt, versions.a(), "RUB", new TreeMap<>(Map.of("RUB", new BigDecimal("6000000"))),
                        new BigDecimal("6000000"), new TreeMap<>(Map.of("NETWORK_SECURITY", 1)), 0, 4, 2,
                        new BigDecimal("0.5000"), "SILVER", "GOLD", evaluatedAt), 1, evaluatedAt));
        publish(stream);
        stream.forEach(this::awaitStored);
        String path = "/api/v1/partners/" + partner + "/scorecard?asOf=";

        JsonNode underB = http.get(path + versions.afterB(), partnerToken(partner)).body();
        assertThat(underB.get("policyVersion").asLong()).isEqualTo(versions.b());
        JsonNode tierB = underB.get("tier");
        assertThat(tierB.get("policyVersion").asLong()).isEqualTo(versions.b());
        assertThat(tierB.get("tier").asText()).isEqualTo("SILVER");
        assertThat(tierB.get("benefits").get("protectionDays").asInt()).as("B lengthened SILVER's protection")
                .isEqualTo(100);
        assertThat(tierB.at("/next/tier").asText()).isEqualTo("GOLD");
        assertThat(tierB.at("/next/benefits/protectionDays").asInt()).isEqualTo(120);
        JsonNode revenueB = requirement(tierB, "minWonRevenue");
        assertThat(revenueB.get("required").decimalValue()).isEqualByComparingTo("8000000");
        assertThat(revenueB.get("actual").decimalValue()).isEqualByComparingTo("6000000");
        assertThat(revenueB.get("met").asBoolean()).as("6 000 000 is short of B's 8 000 000").isFalse();
        assertThat(revenueB.get("progressPercent").decimalValue()).isEqualByComparingTo("75");

        JsonNode underA = http.get(path + versions.between(), partnerToken(partner)).body();
        assertThat(underA.get("policyVersion").asLong()).as("the version in force then, not today's")
                .isEqualTo(versions.a());
        assertThat(Instant.parse(underA.get("asOf").asText())).isEqualTo(versions.between());
        JsonNode tierA = underA.get("tier");
        assertThat(tierA.get("policyVersion").asLong()).isEqualTo(versions.a());
        assertThat(tierA.get("benefits").get("protectionDays").asInt()).isEqualTo(90);
        assertThat(tierA.at("/next/benefits/protectionDays").asInt()).isEqualTo(90);
        JsonNode revenueA = requirement(tierA, "minWonRevenue");
        assertThat(revenueA.get("required").decimalValue()).isEqualByComparingTo("5000000");
        assertThat(revenueA.get("actual").decimalValue()).isEqualByComparingTo("6000000");
        assertThat(revenueA.get("met").asBoolean()).as("6 000 000 met A's 5 000 000").isTrue();
        assertThat(revenueA.get("progressPercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(tierA.at("/evaluation/evaluationId").asText()).isEqualTo("eval-" + partner);

        JsonNode staffView = http.get(path + versions.between(), token("AUDITOR")).body();
        assertThat(staffView.get("policyVersion").asLong()).isEqualTo(versions.a());
        assertThat(http.get(path + versions.base(), partnerToken(partner)).status())
                .as("not onboarded yet at A's publication").isEqualTo(404);
    }

    @Test
    void aPeriodOfTheOtherKindThanThePolicyInForceAccruesIsRefusedUnlessStatementsOfItExist() {
        String partner = uniquePartner("kinds");
        Versions versions = publishPolicies(1);
        int year = versions.base().atZone(ZoneOffset.UTC).getYear();
        Instant accruedAt = versions.base().plus(Duration.ofDays(30));
        RebateAccrued annual = new RebateAccrued(partner, "rebate:" + partner + ":" + year, String.valueOf(year),
                Instant.parse(year + "-01-01T00:00:00Z"), Instant.parse((year + 1) + "-01-01T00:00:00Z"), "ANNUAL",
                versions.a(), "RUB", List.of(), new BigDecimal("1000"), BigDecimal.ZERO, new BigDecimal("10.00"),
                List.of(new RebateAccrued.Payout(LocalDate.of(year + 1, 1, 1), new BigDecimal("10.00"))), List.of(),
                List.of(), accruedAt);
        EventEnvelope statement = Fixtures.envelope(annual, "Rebate", annual.rebateId(), 0, accruedAt,
                Fixtures.metadata("admin-1", "ADMIN", null));
        publish(statement);
        awaitStored(statement);
        String path = "/api/v1/partners/" + partner + "/rebates?period=";
        String token = partnerToken(partner);

        // A (annual) in force
        assertThat(total(path + year + "&asOf=" + versions.between(), token)).isEqualTo(1);
        assertThat(total(path + (year + 1) + "&asOf=" + versions.between(), token)).as("not closed: none").isZero();
        assertKindRefused(http.get(path + year + "-Q1&asOf=" + versions.between(), token), "a year like 2026");
        // B (quarterly) in force
        assertThat(total(path + year + "&asOf=" + versions.afterB(), token))
                .as("a statement accrued under an earlier version of the other kind stays readable").isEqualTo(1);
        assertThat(total(path + year + "-Q1&asOf=" + versions.afterB(), token)).isZero();
        assertKindRefused(http.get(path + (year + 1) + "&asOf=" + versions.afterB(), token),
                "a quarter like 2026-Q4");
        assertKindRefused(http.get(path + (year + 1) + "&asOf=" + versions.afterB(), token("CHANNEL_MANAGER")),
                "a quarter like 2026-Q4");
        var malformed = http.get(path + "Q3&asOf=" + versions.afterB(), token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/errors/0/rule").asText()).isEqualTo("REBATE_PERIOD_INVALID");
        assertThat(http.get(path + (year + 1) + "&asOf=" + versions.afterB(), partnerToken(uniquePartner("nosy")))
                .status()).as("another partner's id is not found before any period rule").isEqualTo(404);
    }

    @Test
    void everyAsOfEndpointRefusesAFutureOrUnparsableInstantAlike() {
        String future = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String partner = uniquePartner("future");
        Map<String, String> endpoints = Map.of(
                "/api/v1/partners/" + partner + "/scorecard", partnerToken(partner),
                "/api/v1/partners/" + partner + "/rebates", partnerToken(partner),
                "/api/v1/audit/opportunities/O-" + UUID.randomUUID(), token("AUDITOR"),
                "/api/v1/audit/registrations/R-" + UUID.randomUUID(), token("AUDITOR"),
                "/api/v1/audit/disputes/D-" + UUID.randomUUID(), token("AUDITOR"));
        endpoints.forEach((endpoint, token) -> {
            for (String bad : List.of(future, "yesterday")) {
                var answer = http.get(endpoint + "?asOf=" + bad, token);
                assertThat(answer.status()).as(endpoint + " " + bad).isEqualTo(400);
                assertThat(answer.contentType()).as(endpoint).startsWith("application/problem+json");
                assertThat(answer.body().get("code").asText()).as(endpoint).isEqualTo("VALIDATION_FAILED");
                assertThat(answer.body().at("/errors/0/field").asText()).as(endpoint).isEqualTo("asOf");
            }
        });
        assertThat(http.get("/api/v1/partners/" + partner + "/rebates?asOf=" + Instant.now().minusSeconds(5),
                partnerToken(partner)).body().get("total").asLong()).as("a past instant is fine").isZero();
    }

    /**
     * Publishes A and then B on a policy stream of this test's own, in the year {@code 1995 + slot} (A at a random day
     * of its first 200, B 60 days later), and waits until both are stored.
     */
    private Versions publishPolicies(int slot) {
        Instant base = LocalDate.of(1995 + slot, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(0, 200)));
        long a = 5_000_000 + ThreadLocalRandom.current().nextLong(0, 1_000_000_000) * 2;
        long b = a + 1;
        Instant bAt = base.plus(Duration.ofDays(60));
        String stream = "policy-" + UUID.randomUUID();
        List<EventEnvelope> envelopes = List.of(
                policy(new PolicyPublished(a, document(90, 90, "5000000", RebateRules.Accrual.ANNUAL), base,
                        "admin-1"), stream, 0, base),
                policy(new PolicyPublished(b, document(100, 120, "8000000", RebateRules.Accrual.QUARTERLY), bAt,
                        "admin-1"), stream, 1, bAt));
        publish(envelopes);
        envelopes.forEach(this::awaitStored);
        return new Versions(a, b, base, base.plus(Duration.ofDays(30)), base.plus(Duration.ofDays(90)));
    }

    private static PolicyDocument document(int silverProtectionDays, int goldProtectionDays, String goldRevenue,
                                           RebateRules.Accrual accrual) {
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>();
        tiers.put("REGISTERED", new PolicyDocument.TierRule(60, new BigDecimal("5"), 0, null,
                new PolicyDocument.TierQualification(null, null, null, null)));
        tiers.put("SILVER", new PolicyDocument.TierRule(silverProtectionDays, new BigDecimal("10"), 1, null,
                new PolicyDocument.TierQualification(new BigDecimal("1000000"), null, 10, null)));
        tiers.put("GOLD", new PolicyDocument.TierRule(goldProtectionDays, new BigDecimal("15"), 2, null,
                new PolicyDocument.TierQualification(new BigDecimal(goldRevenue), null, null, null)));
        RebateRules rebates = new RebateRules(accrual, List.of(10, 11, 12), accrual == RebateRules.Accrual.ANNUAL
                ? 4 : null, new TreeMap<>(Map.of("NETWORK_SECURITY", new RebateRules.LineSchedule(
                new BigDecimal("3000000"), List.of(new RebateRules.Bracket(new BigDecimal("100"), new BigDecimal("3"))),
                List.of(new RebateRules.Bracket(new BigDecimal("100"), new BigDecimal("2")))))));
        return new PolicyDocument(new TreeMap<>(Map.of("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(
                new TreeMap<>(Map.of("RUB", new BigDecimal("300000")))))), tiers, 2, List.of(2, 3, 5),
                new PolicyDocument.ExtensionRule(1, 30), 10, 12,
                new PolicyDocument.BusinessCalendar("Europe/Moscow", List.of(), List.of()), null, null, null,
                new ProgramRules("RUB", new TreeMap<>(), null, rebates));
    }

    /** A policy event whose global index is its day number since 1990 (see the class comment). */
    private static EventEnvelope policy(PolicyPublished event, String stream, long sequence, Instant at) {
        return EnvelopeSeal.sealed(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA, UUID.randomUUID().toString(),
                EventTypes.nameOf(PolicyPublished.class), "Policy", stream, sequence,
                Duration.between(INDEX_EPOCH, at).toDays(), at, Fixtures.metadata("admin-1", "ADMIN", null),
                Fixtures.CODEC.toTree(event)));
    }

    private static EventEnvelope partnerEvent(LeadLedgerEvent event, long sequence, Instant at) {
        String partnerId = event instanceof PartnerOnboarded e ? e.partnerId()
                : ((TierQualificationEvaluated) event).partnerId();
        return Fixtures.envelope(event, "Partner", partnerId, sequence, at, Fixtures.metadata("admin-1", "ADMIN", null));
    }

    private static JsonNode requirement(JsonNode tier, String rule) {
        for (JsonNode requirement : tier.at("/next/requirements")) {
            if (requirement.get("rule").asText().equals(rule)) {
                return requirement;
            }
        }
        throw new AssertionError("no requirement " + rule + " in " + tier);
    }

    private long total(String path, String token) {
        var answer = http.get(path, token);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
        return answer.body().get("total").asLong();
    }

    private static void assertKindRefused(Http.Response answer, String expected) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("period");
        assertThat(answer.body().at("/errors/0/rule").asText()).isEqualTo("REBATE_PERIOD_KIND");
        assertThat(answer.body().at("/errors/0/message").asText()).contains(expected);
    }
}

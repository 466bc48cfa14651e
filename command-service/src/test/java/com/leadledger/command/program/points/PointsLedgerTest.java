package com.leadledger.command.program.points;

import com.leadledger.command.policy.TestPolicies;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.program.PointsAwarded;
import com.leadledger.events.program.PointsExpired;
import com.leadledger.events.program.PointsRedeemed;
import com.leadledger.events.program.ProgramStreams;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static com.leadledger.command.common.RuleViolations.invalidField;
import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.events.program.PointsAwarded.Cause.EARLY_REGISTRATION;
import static com.leadledger.events.program.PointsAwarded.Cause.PENALTY;
import static com.leadledger.events.program.PointsAwarded.Cause.PENALTY_REVERSED;
import static com.leadledger.events.program.PointsAwarded.Cause.REGISTRATION_APPROVED;
import static com.leadledger.events.program.PointsAwarded.Cause.REGISTRATION_WON;
import static com.leadledger.events.program.PointsRedeemed.Kind.EXTRA_DISCOUNT;
import static com.leadledger.events.program.PointsRedeemed.Kind.MARKETING_FUND_CREDIT;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;

/** The default policy's points rules: +10 per approval, +5 when 60+ days early, +1 per 100,000 RUB won, -10 per
 * penalty point, expiry after 365 days; 100 RUB or 0.1 % per point, caps 1000 per partner / 300 per individual in 30
 * days, at most 5 % extra on a registration. */
class PointsLedgerTest {

    private static final Instant APPROVED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final String LEDGER = ProgramStreams.pointsLedger("P-1");
    private static final Instant EXPIRES = APPROVED_AT.plus(Duration.ofDays(365));

    private AggregateTestFixture<PointsLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PointsLedger.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new TestPolicies());
        Set<String> approved = Set.of("R-1");
        fixture.registerInjectableResource((EligibleRegistrations) (registrationId, partnerId) ->
                "P-1".equals(partnerId) && approved.contains(registrationId));
    }

    private static PointsAwarded award(String cause, PointsAwarded.Cause rule, String subject, int points,
                                       Instant at) {
        return new PointsAwarded("P-1", cause + "/" + rule.name(), rule, cause, subject, points,
                points > 0 ? at.plus(Duration.ofDays(365)) : null, at, 1);
    }

    private static final PointsAwarded APPROVAL = award("E-1", REGISTRATION_APPROVED, "R-1", 10, APPROVED_AT);
    private static final AwardApprovalPoints APPROVE = new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1",
            APPROVED_AT.minus(Duration.ofDays(5)), LocalDate.parse("2026-04-01"), APPROVED_AT, 1);

    @Test
    void canAwardAnApprovalAndScheduleItsExpiry() {
        fixture.givenCurrentTime(NOW)
                .when(APPROVE)
                .expectEvents(APPROVAL)
                .expectScheduledDeadline(EXPIRES, new PointsExpiryDeadline("E-1/REGISTRATION_APPROVED", EXPIRES));
    }

    @Test
    void canAwardTheEarlyRegistrationBonusAtApproval() {
        fixture.givenNoPriorActivity()
                .when(new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1", Instant.parse("2026-02-01T00:00:00Z"),
                        LocalDate.parse("2026-04-02"), APPROVED_AT, 1))
                .expectEvents(APPROVAL, award("E-1", EARLY_REGISTRATION, "R-1", 5, APPROVED_AT));
    }

    @Test
    void canAwardTheEarlyRegistrationBonusByCalendarDaysWhateverTheTimeOfDay() {
        fixture.givenNoPriorActivity()
                .when(new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1", Instant.parse("2026-02-01T12:00:00Z"),
                        LocalDate.parse("2026-04-02"), APPROVED_AT, 1))
                .expectEvents(APPROVAL, award("E-1", EARLY_REGISTRATION, "R-1", 5, APPROVED_AT));
    }

    @Test
    void cannotAwardTheEarlyRegistrationBonusADayShortOfTheMinimum() {
        fixture.givenNoPriorActivity()
                .when(new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1", Instant.parse("2026-02-02T00:00:00Z"),
                        LocalDate.parse("2026-04-02"), APPROVED_AT, 1))
                .expectEvents(APPROVAL);
    }

    @Test
    void cannotAwardUnderAPolicyWithoutAProgram() {
        TestPolicies policies = new TestPolicies();
        PolicyDocument d = TestPolicies.defaultDocument();
        long before = policies.publish(new PolicyDocument(d.productLines(), d.tiers(), d.reviewSlaBusinessDays(),
                d.disputeSlaBusinessDays(), d.extension(), d.appealWindowDays(), d.maxCloseDateMonths(),
                d.calendar(), d.limits(), d.expiryReminderBusinessDays(), d.earlyRegistrationDropThreshold()))
                .version();
        fixture = new AggregateTestFixture<>(PointsLedger.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(policies);
        fixture.givenNoPriorActivity()
                .when(new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1", APPROVED_AT,
                        LocalDate.parse("2026-12-01"), APPROVED_AT, before))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotAwardTheSameCauseTwice() {
        fixture.given(APPROVAL)
                .when(new AwardApprovalPoints(LEDGER, "P-1", "E-1", "R-1", APPROVED_AT,
                        LocalDate.parse("2026-04-01"), APPROVED_AT, 1))
                .expectNoEvents();
    }

    @Test
    void canAwardAWinPerFull100000InTheProgramCurrency() {
        fixture.given(APPROVAL)
                .when(new AwardWinPoints(LEDGER, "P-1", "E-2", "R-1",
                        new Money(new BigDecimal("25000"), "USD"), NOW, 1)) // 2,250,000 RUB
                .expectEvents(award("E-2", REGISTRATION_WON, "R-1", 22, NOW));
    }

    @Test
    void cannotAwardAWinInACurrencyWithoutARate() {
        fixture.given(APPROVAL)
                .when(new AwardWinPoints(LEDGER, "P-1", "E-2", "R-1",
                        new Money(new BigDecimal("5000000"), "CNY"), NOW, 1))
                .expectNoEvents();
    }

    @Test
    void canTakePointsForAPenaltyAndGiveThemBackWhenReversed() {
        PointsAwarded penalty = award("E-3", PENALTY, "D-1", -30, NOW);
        fixture.given(APPROVAL)
                .when(new DeductPenaltyPoints(LEDGER, "P-1", "E-3", "D-1", 3, NOW, 1))
                .expectEvents(penalty);
        fixture.given(APPROVAL, penalty)
                .when(new RestorePenaltyPoints(LEDGER, "P-1", "E-4", "D-1", NOW, 1))
                .expectEvents(award("E-4", PENALTY_REVERSED, "D-1", 30, NOW));
        fixture.given(APPROVAL, penalty, award("E-4", PENALTY_REVERSED, "D-1", 30, NOW))
                .when(new RestorePenaltyPoints(LEDGER, "P-1", "E-5", "D-1", NOW, 1))
                .expectNoEvents();
    }

    @Test
    void canLeaveADebtWhenAPenaltyTakesMoreThanTheBalanceAndPayItFromLaterAwards() {
        PointsAwarded penalty = award("E-3", PENALTY, "D-1", -30, NOW); // 10 earned, 30 taken: 20 owed
        PointsAwarded win = award("E-2", REGISTRATION_WON, "R-1", 22, NOW); // pays the 20 first: 2 left
        fixture.given(APPROVAL, penalty, win)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 3, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_INSUFFICIENT"));
        fixture.given(APPROVAL, penalty, win)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 2, null, "u-1"))
                .expectEvents(new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 2,
                        new Money(new BigDecimal("200"), "RUB"), null, null, "u-1", NOW, 1));
        fixture.given(APPROVAL, penalty, win, award("E-4", PENALTY_REVERSED, "D-1", 30, NOW))
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 32, null, "u-1"))
                .expectEvents(new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 32,
                        new Money(new BigDecimal("3200"), "RUB"), null, null, "u-1", NOW, 1));
    }

    @Test
    void cannotGiveBackAPenaltyThatTookNothing() {
        fixture.given(APPROVAL)
                .when(new RestorePenaltyPoints(LEDGER, "P-1", "E-4", "D-9", NOW, 1))
                .expectNoEvents();
    }

    @Test
    void canExpireTheUnspentRemainderOfAnAward() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(APPROVE)
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectDeadlinesMet(new PointsExpiryDeadline("E-1/REGISTRATION_APPROVED", EXPIRES))
                .expectEvents(new PointsExpired("P-1", "E-1/REGISTRATION_APPROVED", 10, EXPIRES));
    }

    @Test
    void canExpireOnlyWhatWasNotSpentOldestFirst() {
        AwardWinPoints win = new AwardWinPoints(LEDGER, "P-1", "E-2", "R-1",
                new Money(new BigDecimal("2000000"), "RUB"), NOW, 1); // 20 points
        PointsRedeemed spent = new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 15,
                new Money(new BigDecimal("1500"), "RUB"), null, null, "u-1", NOW, 1);
        // the approval's 10 were spent first, so its deadline expires nothing; the win keeps 15 of 20
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(APPROVE, win)
                .andGiven(spent)
                .whenThenTimeAdvancesTo(NOW.plus(Duration.ofDays(366)))
                .expectEvents(new PointsExpired("P-1", "E-2/REGISTRATION_WON", 15, NOW.plus(Duration.ofDays(365))));
    }

    @Test
    void cannotExpireAnAwardAPenaltyTook() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(APPROVE)
                .andGiven(award("E-3", PENALTY, "D-1", -10, NOW))
                .whenThenTimeAdvancesTo(EXPIRES)
                .expectNoEvents();
    }

    @Test
    void cannotRedeemPointsExpiredBeforeTheirDeadlineFired() {
        Instant afterExpiry = EXPIRES.plus(Duration.ofHours(1)); // the approval's deadline has not fired yet
        PointsAwarded win = award("E-2", REGISTRATION_WON, "R-1", 22, NOW); // still valid then
        fixture = fixtureAt(afterExpiry);
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 1, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_INSUFFICIENT"));
        fixture.given(APPROVAL, win)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 23, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_INSUFFICIENT"));
        fixture.given(APPROVAL, win)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 22, null, "u-1"))
                .expectEvents(new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 22,
                        new Money(new BigDecimal("2200"), "RUB"), null, null, "u-1", afterExpiry, 1));
    }

    @Test
    void cannotExpireLessThanTheWholeRemainderWhenARedemptionCameBetweenTheExpiryAndItsDeadline() {
        Instant afterExpiry = EXPIRES.plus(Duration.ofHours(1));
        Instant winExpires = NOW.plus(Duration.ofDays(365));
        fixture = fixtureAt(afterExpiry);
        // the redemption of 15 after the approval's 10 expired takes them from the win's 20 alone: the approval's
        // deadline still expires all 10, the win's the 5 left, so nothing is subtracted twice or left uncounted
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(APPROVE,
                        new AwardWinPoints(LEDGER, "P-1", "E-2", "R-1", new Money(new BigDecimal("2000000"), "RUB"),
                                NOW, 1),
                        new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 15, null, "u-1"))
                .whenThenTimeAdvancesTo(winExpires.plus(Duration.ofDays(1)))
                .expectEvents(new PointsExpired("P-1", "E-1/REGISTRATION_APPROVED", 10, EXPIRES),
                        new PointsExpired("P-1", "E-2/REGISTRATION_WON", 5, winExpires));
    }

    @Test
    void cannotLetAPenaltyTakePointsThatExpiredBeforeTheirDeadlineFired() {
        Instant afterExpiry = EXPIRES.plus(Duration.ofHours(1));
        Instant winExpires = NOW.plus(Duration.ofDays(365));
        // a penalty of 10 after the approval's 10 expired takes them from the win's 20: the approval's deadline
        // still expires all 10 and the win's the 10 left, so the partner loses the whole penalty
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(APPROVE,
                        new AwardWinPoints(LEDGER, "P-1", "E-2", "R-1", new Money(new BigDecimal("2000000"), "RUB"),
                                NOW, 1))
                .andGiven(award("E-3", PENALTY, "D-1", -10, afterExpiry))
                .whenThenTimeAdvancesTo(winExpires.plus(Duration.ofDays(1)))
                .expectEvents(new PointsExpired("P-1", "E-1/REGISTRATION_APPROVED", 10, EXPIRES),
                        new PointsExpired("P-1", "E-2/REGISTRATION_WON", 10, winExpires));
    }

    private static AggregateTestFixture<PointsLedger> fixtureAt(Instant now) {
        AggregateTestFixture<PointsLedger> at = new AggregateTestFixture<>(PointsLedger.class);
        at.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        at.registerInjectableResource(new TestPolicies());
        at.registerInjectableResource((EligibleRegistrations) (registrationId, partnerId) -> false);
        return at;
    }

    @Test
    void canRedeemAMarketingFundCredit() {
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 8, null, "u-1"))
                .expectEvents(new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 8,
                        new Money(new BigDecimal("800"), "RUB"), null, null, "u-1", NOW, 1));
    }

    @Test
    void canRedeemAnExtraDiscountOnTheOwnApprovedRegistration() {
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", EXTRA_DISCOUNT, 10, "R-1", "u-1"))
                .expectEvents(new PointsRedeemed("P-1", "X-1", EXTRA_DISCOUNT, 10, null, new BigDecimal("1.0"),
                        "R-1", "u-1", NOW, 1));
    }

    @Test
    void cannotRedeemMoreThanTheBalance() {
        fixture.given(APPROVAL, award("E-3", PENALTY, "D-1", -5, NOW))
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 6, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_INSUFFICIENT"));
        fixture.givenNoPriorActivity()
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 1, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_INSUFFICIENT"));
    }

    @Test
    void cannotRedeemAnExtraDiscountOnAnotherRegistration() {
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", EXTRA_DISCOUNT, 5, "R-2", "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "REGISTRATION_NOT_ELIGIBLE"));
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", EXTRA_DISCOUNT, 5, null, "u-1"))
                .expectNoEvents()
                .expectException(invalidField("registrationId", "REGISTRATION_REQUIRED"));
    }

    @Test
    void cannotRedeemNoPoints() {
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 0, null, "u-1"))
                .expectNoEvents()
                .expectException(invalidField("points", "POINTS_NOT_POSITIVE"));
    }

    @Test
    void cannotRedeemWithoutSayingForWhat() {
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", null, 5, null, "u-1"))
                .expectNoEvents()
                .expectException(invalidField("kind", "POINTS_REDEMPTION_KIND_INVALID"));
    }

    @Test
    void cannotRedeemUnderAPolicyThatAllowsNoRedemption() {
        TestPolicies policies = new TestPolicies();
        PolicyDocument d = TestPolicies.defaultDocument();
        ProgramRules program = d.program();
        PointsRules points = program.points();
        policies.publish(new PolicyDocument(d.productLines(), d.tiers(), d.reviewSlaBusinessDays(),
                d.disputeSlaBusinessDays(), d.extension(), d.appealWindowDays(), d.maxCloseDateMonths(),
                d.calendar(), d.limits(), d.expiryReminderBusinessDays(), d.earlyRegistrationDropThreshold(),
                new ProgramRules(program.currency(), program.exchangeRates(), new PointsRules(
                        points.registrationApproved(), points.earlyRegistration(), points.wonPer100000(),
                        points.perPenaltyPoint(), points.expiryDays(), null), program.rebates())));
        fixture = new AggregateTestFixture<>(PointsLedger.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource((EligibleRegistrations) (registrationId, partnerId) -> true);
        fixture.given(APPROVAL)
                .when(new RedeemPoints(LEDGER, "P-1", "X-1", MARKETING_FUND_CREDIT, 5, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_REDEMPTION_UNAVAILABLE"));
    }

    @Test
    void cannotRedeemBeyondTheIndividualOrPartnerCapOfThePeriod() {
        PointsAwarded big = award("E-9", REGISTRATION_WON, "R-1", 2000, NOW);
        PointsRedeemed byU1 = new PointsRedeemed("P-1", "X-1", MARKETING_FUND_CREDIT, 300,
                new Money(new BigDecimal("30000"), "RUB"), null, null, "u-1", NOW.minus(Duration.ofDays(29)), 1);
        fixture.given(big, byU1)
                .when(new RedeemPoints(LEDGER, "P-1", "X-2", MARKETING_FUND_CREDIT, 1, null, "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_REDEMPTION_CAP_EXCEEDED"));
        PointsRedeemed old = new PointsRedeemed("P-1", "X-0", MARKETING_FUND_CREDIT, 300,
                new Money(new BigDecimal("30000"), "RUB"), null, null, "u-1", NOW.minus(Duration.ofDays(31)), 1);
        fixture.given(big, old)
                .when(new RedeemPoints(LEDGER, "P-1", "X-2", MARKETING_FUND_CREDIT, 300, null, "u-1"))
                .expectSuccessfulHandlerExecution();
        PointsRedeemed byOthers = new PointsRedeemed("P-1", "X-3", MARKETING_FUND_CREDIT, 900,
                new Money(new BigDecimal("90000"), "RUB"), null, null, "u-2", NOW.minus(Duration.ofDays(1)), 1);
        fixture.given(big, byOthers)
                .when(new RedeemPoints(LEDGER, "P-1", "X-4", MARKETING_FUND_CREDIT, 101, null, "u-3"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_REDEMPTION_CAP_EXCEEDED"));
    }

    @Test
    void cannotRedeemMoreExtraDiscountOnARegistrationThanTheCap() {
        PointsAwarded big = award("E-9", REGISTRATION_WON, "R-1", 200, NOW);
        PointsRedeemed fourPercent = new PointsRedeemed("P-1", "X-1", EXTRA_DISCOUNT, 40, null,
                new BigDecimal("4.0"), "R-1", "u-1", NOW, 1);
        fixture.given(big, fourPercent)
                .when(new RedeemPoints(LEDGER, "P-1", "X-2", EXTRA_DISCOUNT, 11, "R-1", "u-1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "POINTS_REDEMPTION_CAP_EXCEEDED"));
    }
}

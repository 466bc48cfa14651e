package com.leadledger.command.policy;

import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.policy.RebateRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.leadledger.command.common.RuleViolations.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final PolicyDocument DOCUMENT = TestPolicies.defaultDocument();
    /** Only a GOLD tier, an SLA for two levels, and a time zone that does not exist. */
    static final PolicyDocument INCOMPLETE = new PolicyDocument(
            new TreeMap<>(Map.of("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(
                    new TreeMap<>(Map.of("RUB", new BigDecimal("300000")))))),
            new TreeMap<>(Map.of("GOLD", new PolicyDocument.TierRule(90, new BigDecimal("15")))),
            2, List.of(2, 3), new PolicyDocument.ExtensionRule(1, 30), 10, 12,
            new PolicyDocument.BusinessCalendar("Europe/Nowhere", List.of(), List.of()), null);
    static final Map<String, String> INCOMPLETE_FIELDS = Map.of(
            "tiers.REGISTERED", "POLICY_INVALID",
            "tiers.SILVER", "POLICY_INVALID",
            "tiers.PLATINUM", "POLICY_INVALID",
            "disputeSlaBusinessDays", "POLICY_INVALID",
            "calendar.timeZone", "POLICY_INVALID");

    private AggregateTestFixture<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void canPublishTheInitialPolicyAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new PublishInitialPolicy(Policy.POLICY_ID, DOCUMENT, "system"))
                .expectEvents(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void canPublishANewVersionAfterTheCurrentOne() {
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, DOCUMENT, "admin-1"))
                .expectEvents(new PolicyPublished(2, DOCUMENT, NOW, "admin-1"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotPublishAnIncompletePolicyAndNamesEveryFailingField() {
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, INCOMPLETE, "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(INCOMPLETE_FIELDS));
    }

    @Test
    void cannotStartFromAnIncompleteInitialPolicy() {
        fixture.givenNoPriorActivity()
                .when(new PublishInitialPolicy(Policy.POLICY_ID, INCOMPLETE, "system"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of(
                        "disputeSlaBusinessDays", "POLICY_INVALID",
                        "calendar.timeZone", "POLICY_INVALID")));
    }

    @Test
    void canPublishAVersionThatAddsATierAndGivesTiersOwnRules() {
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>(DOCUMENT.tiers());
        tiers.put("DIAMOND", new PolicyDocument.TierRule(150, new BigDecimal("25"), 4,
                new PolicyDocument.ExtensionRule(3, 45), new PolicyDocument.TierQualification(
                        new BigDecimal("100000000"), new TreeMap<>(Map.of("DATA_CENTER", 4)), 0, new BigDecimal("0.5"))));
        PolicyDocument withDiamond = withTiers(tiers);
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, withDiamond, "admin-1"))
                .expectEvents(new PolicyPublished(2, withDiamond, NOW, "admin-1"));
    }

    @Test
    void cannotDropATierOfTheVersionInForce() {
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>(DOCUMENT.tiers());
        tiers.remove("SILVER");
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, withTiers(tiers), "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of("tiers.SILVER", "POLICY_INVALID")));
    }

    @Test
    void cannotPublishTiersWithoutADistinctOrderOrWithSenselessQualificationRules() {
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>(DOCUMENT.tiers());
        PolicyDocument.TierRule gold = DOCUMENT.tiers().get("GOLD");
        tiers.put("GOLD", new PolicyDocument.TierRule(90, new BigDecimal("15"), 1,
                new PolicyDocument.ExtensionRule(1, 0), new PolicyDocument.TierQualification(new BigDecimal("-1"),
                        new TreeMap<>(Map.of("TOASTERS", 1, "DATA_CENTER", 0)), -1, new BigDecimal("1.5"))));
        tiers.put("new", new PolicyDocument.TierRule(30, new BigDecimal("101")));
        assertThat(gold.order()).isEqualTo(2);
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, withTiers(tiers), "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.ofEntries(
                        Map.entry("tiers.SILVER.order", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.extension.maxDays", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.qualification.minWonRevenue", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.qualification.minCertifiedSpecialists.TOASTERS", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.qualification.minCertifiedSpecialists.DATA_CENTER", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.qualification.maxPenaltyPoints", "POLICY_INVALID"),
                        Map.entry("tiers.GOLD.qualification.minEarlyShare", "POLICY_INVALID"),
                        Map.entry("tiers.new", "POLICY_INVALID"),
                        Map.entry("tiers.new.maxDiscountPercent", "POLICY_INVALID"),
                        Map.entry("tiers.new.order", "POLICY_INVALID"))));
    }

    private static PolicyDocument withTiers(TreeMap<String, PolicyDocument.TierRule> tiers) {
        return new PolicyDocument(DOCUMENT.productLines(), tiers, DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(),
                DOCUMENT.expiryReminderBusinessDays(), DOCUMENT.earlyRegistrationDropThreshold(), DOCUMENT.program());
    }

    @Test
    void cannotMakeAWeekdayOrAHolidayAnExtraWorkingDay() {
        PolicyDocument.BusinessCalendar calendar = new PolicyDocument.BusinessCalendar("Europe/Moscow",
                List.of(LocalDate.parse("2027-11-06")),
                List.of(LocalDate.parse("2027-11-12"), LocalDate.parse("2027-11-06"), LocalDate.parse("2027-11-13")));
        PolicyDocument withCalendar = new PolicyDocument(DOCUMENT.productLines(), DOCUMENT.tiers(),
                DOCUMENT.reviewSlaBusinessDays(), DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(),
                DOCUMENT.appealWindowDays(), DOCUMENT.maxCloseDateMonths(), calendar, DOCUMENT.limits(), null, null,
                DOCUMENT.program());
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, withCalendar, "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of(
                        "calendar.extraWorkingDays[0]", "POLICY_INVALID",
                        "calendar.extraWorkingDays[1]", "POLICY_INVALID")));
    }

    @Test
    void theExpiryReminderIsTenBusinessDaysAheadUnlessThePolicySaysAndThenWithinOneToSixty() {
        assertThat(DOCUMENT.expiryReminderBusinessDays()).isNull();
        assertThat(DOCUMENT.expiryReminderDays()).isEqualTo(10);
        PolicyDocument fiveDays = withExpiryReminder(5);
        assertThat(fiveDays.expiryReminderDays()).isEqualTo(5);
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, fiveDays, "admin-1"))
                .expectEvents(new PolicyPublished(2, fiveDays, NOW, "admin-1"));
        for (int days : new int[] {0, 61}) {
            fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                    .when(new PublishPolicy(Policy.POLICY_ID, withExpiryReminder(days), "admin-1"))
                    .expectNoEvents()
                    .expectException(invalidFields(Map.of("expiryReminderBusinessDays", "POLICY_INVALID")));
        }
    }

    @Test
    void theShippedPolicyHasAPriceFloorOnEveryLineOfEitherKind() {
        assertThat(DOCUMENT.priceFloor("NETWORK_SECURITY")).contains(PolicyDocument.PriceFloor.maxDiscount("30"));
        assertThat(DOCUMENT.priceFloor("DATA_CENTER")).contains(PolicyDocument.PriceFloor.maxDiscount("25"));
        assertThat(DOCUMENT.priceFloor("COLLABORATION")).contains(PolicyDocument.PriceFloor.minShare("60"));
        assertThat(DOCUMENT.priceFloor("CLOUD_SERVICES")).contains(PolicyDocument.PriceFloor.minShare("65"));
        assertThat(PolicyDocument.PriceFloor.maxDiscount("30").minimumSharePercent()).isEqualByComparingTo("70");
    }

    @Test
    void canPublishAFloorOfEitherKindAndNoneAtAll() {
        for (PolicyDocument.PriceFloor floor : new PolicyDocument.PriceFloor[] {
                PolicyDocument.PriceFloor.maxDiscount("0"), PolicyDocument.PriceFloor.minShare("100"), null}) {
            PolicyDocument withFloor = withNetworkSecurityFloor(floor);
            fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                    .when(new PublishPolicy(Policy.POLICY_ID, withFloor, "admin-1"))
                    .expectEvents(new PolicyPublished(2, withFloor, NOW, "admin-1"));
        }
    }

    @Test
    void cannotPublishAFloorThatIsNotExactlyOneKindWithinZeroToHundredPercent() {
        Map<PolicyDocument.PriceFloor, String> badFloors = Map.of(
                new PolicyDocument.PriceFloor(null, null), "productLines.NETWORK_SECURITY.priceFloor",
                new PolicyDocument.PriceFloor(new BigDecimal("10"), new BigDecimal("90")),
                "productLines.NETWORK_SECURITY.priceFloor",
                PolicyDocument.PriceFloor.maxDiscount("100.01"),
                "productLines.NETWORK_SECURITY.priceFloor.maxDiscountPercent",
                PolicyDocument.PriceFloor.minShare("-1"),
                "productLines.NETWORK_SECURITY.priceFloor.minShareOfRegisteredPercent");
        badFloors.forEach((floor, field) -> fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, withNetworkSecurityFloor(floor), "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of(field, "POLICY_INVALID"))));
    }

    @Test
    void cannotChangeHowRebatesAccrue() {
        RebateRules quarterly = DOCUMENT.program().rebates();
        assertThat(quarterly.accrual()).isEqualTo(RebateRules.Accrual.QUARTERLY);
        PolicyDocument annual = withProgram(new ProgramRules(DOCUMENT.program().currency(),
                DOCUMENT.program().exchangeRates(), DOCUMENT.program().points(),
                new RebateRules(RebateRules.Accrual.ANNUAL, quarterly.seasonMonths(),
                        quarterly.annualPayoutInstallments(), quarterly.productLines())));
        PolicyDocument withoutRebates = withProgram(new ProgramRules(DOCUMENT.program().currency(),
                DOCUMENT.program().exchangeRates(), DOCUMENT.program().points(), null));

        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, annual, "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of("program.rebates.accrual", "POLICY_INVALID")));
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"),
                        new PolicyPublished(2, withoutRebates, NOW, "admin-1"))
                .when(new PublishPolicy(Policy.POLICY_ID, annual, "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of("program.rebates.accrual", "POLICY_INVALID")));
        fixture.given(new PolicyPublished(1, withoutRebates, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, annual, "admin-1"))
                .expectEvents(new PolicyPublished(2, annual, NOW, "admin-1"));
    }

    private static PolicyDocument withProgram(ProgramRules program) {
        return new PolicyDocument(DOCUMENT.productLines(), DOCUMENT.tiers(), DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(),
                DOCUMENT.expiryReminderBusinessDays(), null, program);
    }

    @Test
    void cannotPublishALineWithoutMinimumsAndNamesItsBadFloorToo() {
        TreeMap<String, PolicyDocument.ProductLineRule> lines = new TreeMap<>(DOCUMENT.productLines());
        lines.put("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(new TreeMap<>(),
                PolicyDocument.PriceFloor.maxDiscount("100.01")));
        PolicyDocument noMinimums = new PolicyDocument(lines, DOCUMENT.tiers(), DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(),
                DOCUMENT.expiryReminderBusinessDays(), null, DOCUMENT.program());

        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, noMinimums, "admin-1"))
                .expectNoEvents()
                .expectException(invalidFields(Map.of(
                        "productLines.NETWORK_SECURITY.minimumValue", "POLICY_INVALID",
                        "productLines.NETWORK_SECURITY.priceFloor.maxDiscountPercent", "POLICY_INVALID")));
    }

    private static PolicyDocument withNetworkSecurityFloor(PolicyDocument.PriceFloor floor) {
        TreeMap<String, PolicyDocument.ProductLineRule> lines = new TreeMap<>(DOCUMENT.productLines());
        lines.put("NETWORK_SECURITY", new PolicyDocument.ProductLineRule(
                lines.get("NETWORK_SECURITY").minimumValue(), floor));
        return new PolicyDocument(lines, DOCUMENT.tiers(), DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(),
                DOCUMENT.expiryReminderBusinessDays(), null, DOCUMENT.program());
    }

    private static PolicyDocument withExpiryReminder(int days) {
        return new PolicyDocument(DOCUMENT.productLines(), DOCUMENT.tiers(), DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(), days, null, DOCUMENT.program());
    }

    @Test
    void theEarlyRegistrationDropThresholdIsOptionalAndAShareAboveZeroUpToOne() {
        assertThat(DOCUMENT.earlyRegistrationDropThreshold()).isNull();
        PolicyDocument tenPoints = withDropThreshold(new BigDecimal("0.10"));
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishPolicy(Policy.POLICY_ID, tenPoints, "admin-1"))
                .expectEvents(new PolicyPublished(2, tenPoints, NOW, "admin-1"));
        for (String threshold : new String[] {"0", "1.01", "-0.2"}) {
            fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                    .when(new PublishPolicy(Policy.POLICY_ID, withDropThreshold(new BigDecimal(threshold)), "admin-1"))
                    .expectNoEvents()
                    .expectException(invalidFields(Map.of("earlyRegistrationDropThreshold", "POLICY_INVALID")));
        }
    }

    private static PolicyDocument withDropThreshold(BigDecimal threshold) {
        return new PolicyDocument(DOCUMENT.productLines(), DOCUMENT.tiers(), DOCUMENT.reviewSlaBusinessDays(),
                DOCUMENT.disputeSlaBusinessDays(), DOCUMENT.extension(), DOCUMENT.appealWindowDays(),
                DOCUMENT.maxCloseDateMonths(), DOCUMENT.calendar(), DOCUMENT.limits(), null, threshold,
                DOCUMENT.program());
    }

    @Test
    void cannotPublishTheInitialPolicyTwice() {
        fixture.given(new PolicyPublished(1, DOCUMENT, NOW, "system"))
                .when(new PublishInitialPolicy(Policy.POLICY_ID, DOCUMENT, "system"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }
}

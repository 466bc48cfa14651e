package com.leadledger.command.registration;

import com.leadledger.command.common.CommandRouting;
import com.leadledger.command.common.FixtureClock;
import com.leadledger.command.partner.TestPartners;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.registration.DumpingRule;
import com.leadledger.events.registration.PossibleDumpingDismissed;
import com.leadledger.events.registration.PossibleDumpingDisputed;
import com.leadledger.events.registration.PossibleDumpingFlagged;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationWon;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.command.registration.OpportunityTest.LINE;
import static com.leadledger.command.registration.OpportunityTest.NOW;
import static com.leadledger.command.registration.OpportunityTest.OPP;
import static com.leadledger.command.registration.OpportunityTest.VALUE;
import static com.leadledger.command.registration.OpportunityTest.approved;
import static com.leadledger.command.registration.OpportunityTest.opened;
import static com.leadledger.command.registration.OpportunityTest.submitted;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND;

/**
 * A WON outcome whose final value implies a discount beyond the approved one, or lies below the product line's price
 * floor, is flagged in the same unit of work, with every number used; staff then dismiss the flag or take it to a
 * dispute, once. The registered value is 1 250 000.00 RUB and the approved discount 10 % (limit 1 125 000.00); the
 * shipped NETWORK_SECURITY floor is a 30 % maximum discount (875 000.00).
 */
class PossibleDumpingTest {

    private static final String FLAG = "DF-r-a";
    private static final PolicyDocument.PriceFloor SHIPPED_FLOOR = PolicyDocument.PriceFloor.maxDiscount("30");
    private static final BigDecimal TEN = new BigDecimal("10");

    private AggregateTestFixture<Opportunity> fixture;
    private final TestPolicies policies = new TestPolicies();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime()));
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource(new ChurnLimit(20, Duration.ofHours(24)));
        fixture.registerInjectableResource(new TestPartners());
        fixture.registerCommandTargetResolver(new CommandRouting(registrationId -> Optional.of(OPP)));
    }

    private static ReportOutcome won(String amount) {
        return won(Money.of(amount, "RUB"));
    }

    private static ReportOutcome won(Money finalValue) {
        return new ReportOutcome("r-a", "P-A", ReportOutcome.Result.WON, finalValue, null);
    }

    private static Object[] approvedAtTenPercent() {
        return new Object[]{opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW)};
    }

    private static RegistrationApproved approvedAt(String discountPercent) {
        return new RegistrationApproved(OPP, "r-a", "P-A", new BigDecimal(discountPercent), 90,
                NOW.plus(Duration.ofDays(90)), "ok", null, NOW, 1);
    }

    private static PossibleDumpingFlagged flagged(String finalAmount, BigDecimal approved, String implied,
                                                  PolicyDocument.PriceFloor floor, String floorAmount,
                                                  long policyVersion, DumpingRule... rules) {
        return new PossibleDumpingFlagged(OPP, "r-a", "P-A", FLAG, LINE, VALUE, Money.of(finalAmount, "RUB"),
                approved, new BigDecimal(implied), floor, floorAmount == null ? null : Money.of(floorAmount, "RUB"),
                List.of(rules), policyVersion, NOW);
    }

    /** Publishes the default policy with another NETWORK_SECURITY floor (null: none) as the next version. */
    private void publishFloor(PolicyDocument.PriceFloor floor) {
        PolicyDocument base = TestPolicies.defaultDocument();
        TreeMap<String, PolicyDocument.ProductLineRule> lines = new TreeMap<>(base.productLines());
        lines.put(LINE, new PolicyDocument.ProductLineRule(lines.get(LINE).minimumValue(), floor));
        policies.publish(new PolicyDocument(lines, base.tiers(), base.reviewSlaBusinessDays(),
                base.disputeSlaBusinessDays(), base.extension(), base.appealWindowDays(), base.maxCloseDateMonths(),
                base.calendar(), base.limits(), base.expiryReminderBusinessDays()));
    }

    @Nested
    class ApprovedDiscount {

        @Test
        void canWinAtExactlyTheApprovedDiscountWithoutAFlag() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won("1125000.00"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("1125000.00", "RUB"), NOW));
        }

        @Test
        void canWinAtTheRegisteredValueOrAboveWithoutAFlag() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won("1300000"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("1300000", "RUB"), NOW));
        }

        @Test
        void canFlagAWinOneKopekBeyondTheApprovedDiscount() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won("1124999.99"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("1124999.99", "RUB"), NOW),
                            flagged("1124999.99", TEN, "10.00", SHIPPED_FLOOR, "875000", 1,
                                    DumpingRule.DISCOUNT_ABOVE_APPROVED));
        }

        @Test
        void canFlagAWinOfANeverApprovedRegistrationBelowTheRegisteredValue() {
            fixture.givenCurrentTime(NOW).andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(won("1249999.99"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("1249999.99", "RUB"), NOW),
                            flagged("1249999.99", BigDecimal.ZERO, "0.00", SHIPPED_FLOOR, "875000", 1,
                                    DumpingRule.DISCOUNT_ABOVE_APPROVED));
        }

        @Test
        void cannotCompareAndSoDoesNotFlagAWinInAnotherCurrency() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won(Money.of("100", "USD")))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("100", "USD"), NOW));
        }
    }

    @Nested
    class PolicyFloor {

        @Test
        void canWinAtExactlyAMaximumDiscountFloorWithoutItFiring() {
            fixture.givenCurrentTime(NOW).andGiven(opened(), submitted("r-a", "P-A", 1), approvedAt("30"))
                    .when(won("875000.00"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("875000.00", "RUB"), NOW));
        }

        @Test
        void canFlagAWinOneKopekBelowAMaximumDiscountFloor() {
            fixture.givenCurrentTime(NOW).andGiven(opened(), submitted("r-a", "P-A", 1), approvedAt("35"))
                    .when(won("874999.99"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("874999.99", "RUB"), NOW),
                            flagged("874999.99", new BigDecimal("35"), "30.00", SHIPPED_FLOOR, "875000", 1,
                                    DumpingRule.BELOW_POLICY_FLOOR));
        }

        @Test
        void canFlagBothRulesWhenAWinIsBelowTheFloorAndBeyondTheApprovedDiscount() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won("500000"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("500000", "RUB"), NOW),
                            flagged("500000", TEN, "60.00", SHIPPED_FLOOR, "875000", 1,
                                    DumpingRule.DISCOUNT_ABOVE_APPROVED, DumpingRule.BELOW_POLICY_FLOOR));
        }

        @Test
        void canApplyAMinimumShareFloorOfThePolicyInForceAtTheBoundary() {
            PolicyDocument.PriceFloor eightyPercent = PolicyDocument.PriceFloor.minShare("80");
            publishFloor(eightyPercent);
            fixture.givenCurrentTime(NOW).andGiven(opened(), submitted("r-a", "P-A", 1), approvedAt("30"))
                    .when(won("1000000.00"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("1000000.00", "RUB"), NOW));
            fixture.givenCurrentTime(NOW).andGiven(opened(), submitted("r-a", "P-A", 1), approvedAt("30"))
                    .when(won("999999.99"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("999999.99", "RUB"), NOW),
                            flagged("999999.99", new BigDecimal("30"), "20.00", eightyPercent, "1000000", 2,
                                    DumpingRule.BELOW_POLICY_FLOOR));
        }

        @Test
        void canFlagOnlyTheApprovedDiscountUnderAPolicyWithoutAFloor() {
            publishFloor(null);
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(won("100000"))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", Money.of("100000", "RUB"), NOW),
                            flagged("100000", TEN, "92.00", null, null, 2, DumpingRule.DISCOUNT_ABOVE_APPROVED));
        }
    }

    @Nested
    class StaffActions {

        private Object[] flaggedWin() {
            return new Object[]{opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                    new RegistrationWon(OPP, "r-a", "P-A", Money.of("500000", "RUB"), NOW),
                    flagged("500000", TEN, "60.00", SHIPPED_FLOOR, "875000", 1,
                            DumpingRule.DISCOUNT_ABOVE_APPROVED, DumpingRule.BELOW_POLICY_FLOOR)};
        }

        @Test
        void canTakeAFlagToADisputeWithItsNumbers() {
            fixture.givenCurrentTime(NOW).andGiven(flaggedWin())
                    .when(new DisputeDumpingFlag("r-a", FLAG, "d-1", "manager-1"))
                    .expectEvents(new PossibleDumpingDisputed(OPP, "r-a", FLAG, "d-1", "manager-1", NOW))
                    .expectResultMessagePayload(new DisputeDumpingFlag.FlagFacts(OPP, "r-a", "P-A", VALUE,
                            Money.of("500000", "RUB"), TEN, new BigDecimal("60.00")));
        }

        @Test
        void cannotTakeAFlagToADisputeTwice() {
            fixture.givenCurrentTime(NOW).andGiven(flaggedWin())
                    .andGiven(new PossibleDumpingDisputed(OPP, "r-a", FLAG, "d-1", "manager-1", NOW))
                    .when(new DisputeDumpingFlag("r-a", FLAG, "d-2", "manager-2"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DUMPING_FLAG_ALREADY_DISPUTED", Map.of("disputeId", "d-1")));
        }

        @Test
        void canDismissAFlagWithAReason() {
            fixture.givenCurrentTime(NOW).andGiven(flaggedWin())
                    .when(new DismissDumpingFlag("r-a", FLAG, "budget cut confirmed", "manager-1"))
                    .expectEvents(new PossibleDumpingDismissed(OPP, "r-a", FLAG, "budget cut confirmed",
                            "manager-1", NOW));
        }

        @Test
        void cannotDismissADisputedFlagNorDisputeADismissedOne() {
            fixture.givenCurrentTime(NOW).andGiven(flaggedWin())
                    .andGiven(new PossibleDumpingDisputed(OPP, "r-a", FLAG, "d-1", "manager-1", NOW))
                    .when(new DismissDumpingFlag("r-a", FLAG, "no", "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DUMPING_FLAG_ALREADY_DISPUTED"));
            fixture.givenCurrentTime(NOW).andGiven(flaggedWin())
                    .andGiven(new PossibleDumpingDismissed(OPP, "r-a", FLAG, "no", "manager-1", NOW))
                    .when(new DisputeDumpingFlag("r-a", FLAG, "d-1", "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DUMPING_FLAG_DISMISSED"));
        }

        @Test
        void cannotActOnAFlagTheOpportunityDoesNotHold() {
            fixture.givenCurrentTime(NOW).andGiven(approvedAtTenPercent())
                    .when(new DismissDumpingFlag("r-a", FLAG, "no", "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }
    }
}

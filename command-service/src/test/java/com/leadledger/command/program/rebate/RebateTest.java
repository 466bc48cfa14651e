package com.leadledger.command.program.rebate;

import com.leadledger.command.common.FixtureClock;
import com.leadledger.command.policy.RebatePolicyRulesTest;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.command.program.ProgramFacts;
import com.leadledger.events.common.Money;
import com.leadledger.events.policy.RebateRules;
import com.leadledger.events.program.RebateAccrued;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.leadledger.command.common.RuleViolations.invalidFields;
import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class RebateTest {

    /** 2026-Q2 ends at midnight Moscow time, 2026-06-30T21:00Z. */
    private static final Instant Q2_END = Instant.parse("2026-06-30T21:00:00Z");
    private static final RebatePeriod Q2 = RebatePeriod.parse("2026-Q2");
    private static final String REBATE_ID = "rebate:P-1:2026-Q2";

    private final List<ProgramFacts.Deal> deals = new ArrayList<>();
    private final TestPolicies policies = new TestPolicies();
    private AggregateTestFixture<Rebate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rebate.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource(new InMemoryFacts(deals));
        // last year's Q2: 4 000 000 of NETWORK_SECURITY, so the brackets start at 4.0 M, 4.8 M, 6.0 M and 8.0 M
        won("R-0", "P-1", "NETWORK_SECURITY", "2025-05-01T10:00:00Z", "4000000", "RUB");
        won("R-1", "P-1", "NETWORK_SECURITY", "2026-04-10T10:00:00Z", "4000000", "RUB");
        won("R-2", "P-1", "NETWORK_SECURITY", "2026-05-20T10:00:00Z", "30000", "USD"); // 2 700 000 at 90
        won("R-3", "P-1", "NETWORK_SECURITY", "2026-06-01T10:00:00Z", "1000", "CNY");  // no rate: set aside
        won("R-4", "P-2", "NETWORK_SECURITY", "2026-06-02T10:00:00Z", "9000000", "RUB"); // another partner
        won("R-5", "P-1", "NETWORK_SECURITY", "2026-07-01T10:00:00Z", "9000000", "RUB"); // next quarter
    }

    @Test
    void canAccrueAQuarterFromTheWonDealsOfThePeriodAgainstLastYearsVolume() {
        AtomicReference<RebateAccrued> accrued = new AtomicReference<>();
        fixture.givenCurrentTime(Q2_END)
                .when(AccrueRebate.of("P-1", Q2))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> event) -> {
                    accrued.set((RebateAccrued) event.getPayload());
                    return true;
                })));

        RebateAccrued event = accrued.get();
        assertThat(event.rebateId()).isEqualTo(REBATE_ID);
        assertThat(event.partnerId()).isEqualTo("P-1");
        assertThat(event.period()).isEqualTo("2026-Q2");
        assertThat(event.periodStart()).isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
        assertThat(event.periodEnd()).isEqualTo(Q2_END);
        assertThat(event.accrual()).isEqualTo("QUARTERLY");
        assertThat(event.policyVersion()).isEqualTo(1L);
        assertThat(event.currency()).isEqualTo("RUB");
        assertThat(event.registrationIds()).containsExactly("R-1", "R-2");
        assertThat(event.excludedRegistrationIds()).containsExactly("R-3");
        assertThat(event.volume()).isEqualByComparingTo("6700000");
        assertThat(event.lastYearVolume()).isEqualByComparingTo("4000000");
        // April to June is off-season: 800 000 at 3 % + 1 200 000 at 5 % + 700 000 at 7 % = 24 000 + 60 000 + 49 000
        RebateAccrued.LineAccrual line = event.lines().get(0);
        assertThat(event.lines()).hasSize(1);
        assertThat(line.productLine()).isEqualTo("NETWORK_SECURITY");
        assertThat(line.season().volume()).isEqualByComparingTo("0");
        assertThat(line.offSeason().brackets()).extracting(b -> b.amount().toPlainString())
                .containsExactly("24000.00", "60000.00", "49000.00", "0.00");
        assertThat(event.amount()).isEqualByComparingTo("133000");
        assertThat(event.payouts()).hasSize(1);
        assertThat(event.payouts().get(0).dueOn()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(event.payouts().get(0).amount()).isEqualByComparingTo("133000");
        assertThat(event.accruedAt()).isEqualTo(Q2_END);
    }

    @Test
    void cannotAccrueADealWonAfterMidnightInMoscowInTheQuarterEndingThen() {
        // 2026-09-30T21:30Z is 00:30 on 1 October in Moscow, after 2026-Q3 ended there
        won("R-6", "P-1", "NETWORK_SECURITY", "2026-09-30T21:30:00Z", "5000000", "RUB");
        AtomicReference<RebateAccrued> q3 = new AtomicReference<>();
        fixture.givenCurrentTime(Instant.parse("2026-09-30T21:00:00Z"))
                .when(AccrueRebate.of("P-1", RebatePeriod.parse("2026-Q3")))
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> event) -> {
                    q3.set((RebateAccrued) event.getPayload());
                    return true;
                })));
        assertThat(q3.get().registrationIds()).as("not in Q3 although 30 September in UTC").containsExactly("R-5");
    }

    @Test
    void canAccrueADealWonJustAfterMidnightInMoscowInTheQuarterItBegins() {
        // 2026-09-30T21:30Z is 00:30 on 1 October in Moscow: 2026-Q4, and October is a season month
        won("R-6", "P-1", "NETWORK_SECURITY", "2026-09-30T21:30:00Z", "5000000", "RUB");
        AtomicReference<RebateAccrued> q4 = new AtomicReference<>();
        fixture.givenCurrentTime(Instant.parse("2026-12-31T21:00:00Z"))
                .when(AccrueRebate.of("P-1", RebatePeriod.parse("2026-Q4")))
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> event) -> {
                    q4.set((RebateAccrued) event.getPayload());
                    return true;
                })));
        assertThat(q4.get().periodStart()).isEqualTo(Instant.parse("2026-09-30T21:00:00Z"));
        assertThat(q4.get().registrationIds()).containsExactly("R-6");
        assertThat(q4.get().lines().get(0).season().volume()).isEqualByComparingTo("5000000");
        assertThat(q4.get().lines().get(0).offSeason().volume()).isEqualByComparingTo("0");
    }

    @Test
    void canCloseTwiceButAccruesOnlyOnce() {
        fixture.givenCurrentTime(Q2_END);
        RebateAccrued first = accruedEvent();
        fixture.given(first)
                .when(AccrueRebate.of("P-1", Q2))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void cannotCloseAPeriodBeforeItEndsInThePolicysTimeZone() {
        fixture.givenCurrentTime(Q2_END.minusSeconds(1))
                .when(AccrueRebate.of("P-1", Q2))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "REBATE_PERIOD_OPEN"));
    }

    @Test
    void cannotCloseAYearWhileThePolicyAccruesQuarters() {
        fixture.givenCurrentTime(Instant.parse("2027-02-01T00:00:00Z"))
                .when(AccrueRebate.of("P-1", RebatePeriod.parse("2026")))
                .expectNoEvents()
                .expectException(invalidFields(Map.of("period", "REBATE_PERIOD_KIND")));
    }

    @Test
    void cannotAccrueUnderAPolicyWithoutARebateSchedule() {
        policies.publish(RebatePolicyRulesTest.with(null));
        fixture.givenCurrentTime(Q2_END)
                .when(AccrueRebate.of("P-1", Q2))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "REBATE_RULES_MISSING"));
    }

    @Test
    void cannotAccrueUnderAnIdThatIsNotThePartnersPeriod() {
        fixture.givenCurrentTime(Q2_END)
                .when(new AccrueRebate("rebate:P-2:2026-Q2", "P-1", "2026-Q2"))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void canAccrueAYearPaidInEqualPartsOverTheNextYearUnderTheVersionInForce() {
        RebateRules quarterly = TestPolicies.defaultDocument().program().rebates();
        policies.publish(RebatePolicyRulesTest.with(new RebateRules(RebateRules.Accrual.ANNUAL,
                quarterly.seasonMonths(), 4, quarterly.productLines())));
        AtomicReference<RebateAccrued> accrued = new AtomicReference<>();
        fixture.givenCurrentTime(Instant.parse("2027-01-05T00:00:00Z"))
                .when(AccrueRebate.of("P-1", RebatePeriod.parse("2026")))
                .expectResultMessagePayload(true)
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> event) -> {
                    accrued.set((RebateAccrued) event.getPayload());
                    return true;
                })));

        RebateAccrued event = accrued.get();
        // the year: off-season 6 700 000 + 9 000 000 (July) against last year's 4 000 000 off-season
        // 800 000 at 3 % + 1 200 000 at 5 % + 2 000 000 at 7 % + 7 700 000 at 9 % = 24 000 + 60 000 + 140 000 + 693 000
        assertThat(event.policyVersion()).isEqualTo(2L);
        assertThat(event.volume()).isEqualByComparingTo("15700000");
        assertThat(event.amount()).isEqualByComparingTo("917000");
        assertThat(event.payouts()).extracting(p -> p.dueOn().toString())
                .containsExactly("2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01");
        assertThat(event.payouts()).allSatisfy(p -> assertThat(p.amount()).isEqualByComparingTo("229250"));
    }

    private RebateAccrued accruedEvent() {
        return new RebateAccrued("P-1", REBATE_ID, "2026-Q2", Instant.parse("2026-03-31T21:00:00Z"), Q2_END,
                "QUARTERLY", 1L, "RUB", List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(),
                List.of(), List.of(), Q2_END);
    }

    private void won(String registrationId, String partnerId, String line, String wonAt, String amount,
                     String currency) {
        Instant at = Instant.parse(wonAt);
        deals.add(new ProgramFacts.Deal(registrationId, partnerId, line, LocalDate.parse(wonAt.substring(0, 10)),
                at.minusSeconds(86_400 * 30L), new Money(new BigDecimal(amount), currency), at));
    }

    /** The program facts of a list of deals. */
    private record InMemoryFacts(List<ProgramFacts.Deal> deals) implements ProgramFacts {

        @Override
        public List<Deal> submittedBy(String partnerId, Instant from, Instant to) {
            return deals.stream().filter(d -> d.partnerId().equals(partnerId))
                    .filter(d -> !d.submittedAt().isBefore(from) && d.submittedAt().isBefore(to)).toList();
        }

        @Override
        public List<Deal> wonBy(String partnerId, Instant from, Instant to) {
            return deals.stream().filter(d -> d.partnerId().equals(partnerId) && d.wonAt() != null)
                    .filter(d -> !d.wonAt().isBefore(from) && d.wonAt().isBefore(to)).toList();
        }
    }
}

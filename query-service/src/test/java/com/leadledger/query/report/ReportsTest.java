package com.leadledger.query.report;

import com.leadledger.events.LeadLedgerEvent;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeOutcome;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.envelope.EventTypes;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.policy.PointsRules;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.policy.ProgramRules;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports over a small story whose every figure is worked out by hand in the comments. */
class ReportsTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Period QUARTER = new Period(T0, T0.plus(Duration.ofDays(90)), T0.plus(Duration.ofDays(90)));

    private final List<Projector.Step> log = new ArrayList<>();

    private void at(Duration after, String actor, LeadLedgerEvent event) {
        Instant at = T0.plus(after);
        log.add(new Projector.Step(event, new EventRef(UUID.randomUUID().toString(),
                EventTypes.nameOf(event.getClass()), "agg", 0, log.size() + 1, at,
                actor == null ? Map.of() : Map.of(EventRef.ACTOR_ID, actor))));
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    private static RegistrationSubmitted submitted(String opportunity, String registration, String partner,
                                                   String productLine, LocalDate close) {
        CustomerIdentity customer = new CustomerIdentity("Customer", "RU", "RU:7707083893", null, null);
        return new RegistrationSubmitted(opportunity, registration, partner, 1, customer,
                CustomerKey.parse("RU:7707083893"), productLine, Money.of("500000", "RUB"), close, null,
                T0, 1);
    }

    private static RegistrationApproved approved(String opportunity, String registration, String partner) {
        return new RegistrationApproved(opportunity, registration, partner, BigDecimal.TEN, 60,
                T0.plus(Duration.ofDays(60)), null, null, T0, 1);
    }

    /**
     * Partners P1 and P2. Opportunity O1 (NETWORK_SECURITY): R1 by P1 at T0, closing in 91 days; R2 by P2 at T0+1h,
     * closing in 20 days. Opportunity O2 (DATA_CENTER): R3 by P1 at T0+2h, closing in 45 days. R1 approved at T0+4h
     * (level 1); R3's review escalates to level 2 at T0+50h and it is rejected there at T0+52h. P2 disputes at
     * T0+5h; upheld against P1 at T0+29h (3 penalty points), appealed to level 2 at T0+30h, dismissed at T0+40h.
     * R2 approved at T0+31h (level 1); manager-2 moves support from R1 (still protected) to R2 citing the ruling at
     * T0+32h. R1 lost at T0+60h, R2 won at T0+70h.
     */
    private void story() {
        at(h(0), "admin", new PartnerOnboarded("P1", "Alpha", PartnerTier.GOLD, List.of(), null, T0));
        at(h(0), "admin", new PartnerOnboarded("P2", "Beta", PartnerTier.GOLD, List.of(), null, T0));
        at(h(0), null, submitted("O1", "R1", "P1", "NETWORK_SECURITY", LocalDate.parse("2026-12-31")));
        at(h(1), null, submitted("O1", "R2", "P2", "NETWORK_SECURITY", LocalDate.parse("2026-10-21")));
        at(h(2), null, submitted("O2", "R3", "P1", "DATA_CENTER", LocalDate.parse("2026-11-15")));
        at(h(4), "manager-1", approved("O1", "R1", "P1"));
        at(h(4), "manager-1", new SupportGranted("O1", "R1", "P1", null, T0, 1));
        at(h(5), null, new DisputeOpened("D1", DisputeType.DUPLICATE_CLAIM, "O1", "R2", "P2", "PARTNER", "first",
                null, 1, T0, T0, 1));
        at(h(6), "manager-1", new DisputeRespondentLinked("D1", "P1", "R1", "O1", T0));
        at(h(29), "manager-1", ruled(DisputeOutcome.UPHELD, 1, false, 3));
        at(h(29), null, new PartnerPenalized("P1", "D1", 3, 3, T0));
        at(h(30), null, new DisputeAppealed("D1", "P1", "unfair", 1, 2, T0, T0, 1));
        at(h(31), "manager-1", approved("O1", "R2", "P2"));
        at(h(32), "manager-2", new SupportMoved("O1", "R1", "P1", "R2", "P2", SupportReason.ARBITRATION_RULING, "D1",
                null, null, T0, 1));
        at(h(40), "director-1", ruled(DisputeOutcome.DISMISSED, 2, true, 0));
        at(h(50), null, new ReviewEscalated("O2", "R3", 2, T0, T0, 1));
        at(h(52), "director-1", new RegistrationRejected("O2", "R3", "P1", RejectionReason.INELIGIBLE, null, null,
                T0, 1));
        at(h(60), null, new RegistrationLost("O1", "R1", "P1", "price", T0));
        at(h(70), null, new RegistrationWon("O1", "R2", "P2", Money.of("400000", "RUB"), T0));
    }

    private static DisputeRuled ruled(DisputeOutcome outcome, int level, boolean appeal, int points) {
        return new DisputeRuled("D1", "O1", level, outcome, "because", null, false, points, "P1", "R1", "O1", appeal,
                null, T0, "someone", "CHANNEL_MANAGER", T0, 1, null);
    }

    private ReportFacts facts() {
        return ReportFacts.of(log);
    }

    @Test
    void conflictsCountOpportunitiesWithMoreThanOneRegistrationPerProductLineAndMonth() {
        story();
        assertThat(ConflictReport.rows(facts(), QUARTER)).containsExactly(
                new ConflictReport.Row("DATA_CENTER", "2026-10", 1, 0, new BigDecimal("0.0000")),
                new ConflictReport.Row("NETWORK_SECURITY", "2026-10", 1, 1, new BigDecimal("1.0000")));
    }

    @Test
    void decisionsPerLevelWithTimeFromSubmissionAndSlaBreaches() {
        story();
        // level 1: R1 after 4 h, R2 after 31-1 = 30 h; median (4+30)/2 = 17, p90 rank ceil(1.8) = 2 -> 30;
        // R3's SLA breached at level 1. Level 2: R3 rejected 52-2 = 50 h after submission.
        // All: 4, 30, 50 -> median 30, p90 rank ceil(2.7) = 3 -> 50.
        assertThat(DecisionReport.rows(facts(), QUARTER)).containsExactly(
                new DecisionReport.Row("1", 2, 2, 0, new BigDecimal("17.00"), new BigDecimal("30.00"), 1),
                new DecisionReport.Row("2", 1, 0, 1, new BigDecimal("50.00"), new BigDecimal("50.00"), 0),
                new DecisionReport.Row("3", 0, 0, 0, null, null, 0),
                new DecisionReport.Row("ALL", 3, 2, 1, new BigDecimal("30.00"), new BigDecimal("50.00"), 1));
    }

    @Test
    void disputesByTypeWithLatestOutcomeLevelReachedAppealsAndTimeToFirstRuling() {
        story();
        DisputeReport.Row duplicate = new DisputeReport.Row("DUPLICATE_CLAIM", 1, 0, 0, 1, 0, 1, 0, 1,
                new BigDecimal("1.0000"), new BigDecimal("24.00"), new BigDecimal("24.00"));
        assertThat(DisputeReport.rows(facts(), QUARTER)).containsExactly(
                duplicate,
                new DisputeReport.Row("PRICE_DUMPING", 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
                new DisputeReport.Row("SUPPORT_OVERRIDE", 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
                new DisputeReport.Row("ALL", 1, 0, 0, 1, 0, 1, 0, 1, new BigDecimal("1.0000"),
                        new BigDecimal("24.00"), new BigDecimal("24.00")));
    }

    @Test
    void supportMovesPerManagerAndJustificationAwayFromAProtectedRegistration() {
        story();
        assertThat(SupportReport.rows(facts(), QUARTER)).containsExactly(
                new SupportReport.Row("manager-2", "ARBITRATION_RULING", 1, 0, 1),
                new SupportReport.Row("manager-2", "ALL", 1, 0, 1),
                new SupportReport.Row("ALL", "ARBITRATION_RULING", 1, 0, 1),
                new SupportReport.Row("ALL", "ALL", 1, 0, 1));
    }

    @Test
    void partnersWithRatesPenaltiesAndTheEarlyRegistrationIndicator() {
        story();
        // P1: R1 (91 days before close, approved, lost), R3 (45 days, rejected): median (91+45)/2 = 68, both early.
        // P2: R2 (20 days, approved, won).
        assertThat(PartnerReport.rows(facts(), QUARTER)).containsExactly(
                new PartnerReport.Row("P1", "Alpha", 2, 1, 1, new BigDecimal("0.5000"), 0, 1,
                        new BigDecimal("0.0000"), 3, new BigDecimal("68"), new BigDecimal("1.0000"), "2026-Q4",
                        null, null, new BigDecimal("1.0000"), false, false),
                new PartnerReport.Row("P2", "Beta", 1, 1, 0, new BigDecimal("1.0000"), 1, 0,
                        new BigDecimal("1.0000"), 0, new BigDecimal("20"), new BigDecimal("0.0000"), "2026-Q4",
                        null, null, new BigDecimal("0.0000"), false, false));
    }

    @Test
    void theEventTypesReadFromTheLogAreAllTheFoldUses() {
        story();
        partnerThatStoppedRegisteringEarly();
        List<String> folded = ReportFacts.FOLDED.stream().map(EventTypes::nameOf).toList();
        ReportFacts fromFolded = ReportFacts.of(log.stream().filter(step -> folded.contains(step.ref().eventType()))
                .toList());
        ReportFacts fromAll = facts();
        assertThat(fromFolded.registrations()).isEqualTo(fromAll.registrations());
        assertThat(fromFolded.disputes()).isEqualTo(fromAll.disputes());
        assertThat(fromFolded.partners()).isEqualTo(fromAll.partners());
        assertThat(fromFolded.supportChanges()).isEqualTo(fromAll.supportChanges());
        assertThat(fromFolded.escalations()).isEqualTo(fromAll.escalations());
    }

    @Test
    void aPeriodLeavesOutWhatHappenedOutsideIt() {
        story();
        Period firstDay = new Period(T0, T0.plus(h(24)), T0.plus(Duration.ofDays(90)));
        assertThat(DecisionReport.rows(facts(), firstDay)).last()
                .isEqualTo(new DecisionReport.Row("ALL", 1, 1, 0, new BigDecimal("4.00"), new BigDecimal("4.00"), 0));
        assertThat(SupportReport.rows(facts(), firstDay)).containsExactly(new SupportReport.Row("ALL", "ALL", 0, 0, 0));
    }

    /**
     * P3 registers early 2 of 2 times in Q2, 1 of 2 in Q3 and 0 of 1 in Q4: 1.0 -> 0.5 -> 0.0, a drop of 1.0 over two
     * consecutive quarters; support was moved away from it in Q3.
     */
    private void partnerThatStoppedRegisteringEarly() {
        at(h(0), "admin", new PartnerOnboarded("P3", "Gamma", PartnerTier.SILVER, List.of(), null, T0));
        registerAt(Instant.parse("2026-04-10T00:00:00Z"), "Q2a", 60);
        registerAt(Instant.parse("2026-05-10T00:00:00Z"), "Q2b", 90);
        registerAt(Instant.parse("2026-07-10T00:00:00Z"), "Q3a", 60);
        registerAt(Instant.parse("2026-08-10T00:00:00Z"), "Q3b", 10);
        registerAt(Instant.parse("2026-10-10T00:00:00Z"), "Q4a", 5);
    }

    private void registerAt(Instant at, String id, int daysBeforeClose) {
        LocalDate close = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).plusDays(daysBeforeClose);
        at(Duration.between(T0, at), null, submitted("O-" + id, id, "P3", "COLLABORATION", close));
    }

    @Test
    void aPartnerWhoseEarlyShareFellTwoQuartersRunningByMoreThanTheThresholdIsFlagged() {
        partnerThatStoppedRegisteringEarly();
        PartnerReport.Row row = PartnerReport.rows(facts(), QUARTER).get(0);
        assertThat(row.lastQuarter()).isEqualTo("2026-Q4");
        assertThat(row.earlyShareTwoQuartersBefore()).isEqualByComparingTo("1");
        assertThat(row.earlySharePreviousQuarter()).isEqualByComparingTo("0.5");
        assertThat(row.earlyShareLastQuarter()).isEqualByComparingTo("0");
        assertThat(row.earlyRegistrationDrop()).isTrue();
        assertThat(row.dropAfterAdverseEvent()).isFalse();
    }

    /**
     * As of 2026-10-20 P3 has 5 registrations in the trailing twelve months, early (more than 30 days before close)
     * 3 of them (60, 90, 60 days; not 10 and 5): share 0.6, median of 5, 10, 60, 60, 90 = 60; quarters Q2 1.0, Q3
     * 0.5, Q4 0.0: flagged. As of 2026-09-30 (Q4a not yet made) 4 registrations, 3 early: 0.75, median (60 + 60) / 2;
     * the quarters are Q1 (none), Q2, Q3: not flagged. P1 counts only its own R1 (91 days) and R3 (45 days).
     */
    @Test
    void aPartnersEarlyRegistrationIndicatorCountsOnlyItsOwnRegistrationsUpToTheInstant() {
        story();
        partnerThatStoppedRegisteringEarly();
        EarlyRegistrationIndicator now = PartnerReport.earlyRegistration(facts(), "P3",
                Instant.parse("2026-10-20T00:00:00Z"));
        assertThat(now.from()).isEqualTo(Instant.parse("2025-10-20T00:00:00Z"));
        assertThat(now.registrations()).isEqualTo(5);
        assertThat(now.early()).isEqualTo(3);
        assertThat(now.earlyShare()).isEqualByComparingTo("0.6");
        assertThat(now.medianDaysBeforeClose()).isEqualByComparingTo("60");
        assertThat(now.quarters()).extracting(EarlyRegistrationIndicator.QuarterShare::quarter)
                .containsExactly("2026-Q2", "2026-Q3", "2026-Q4");
        assertThat(now.quarters()).extracting(EarlyRegistrationIndicator.QuarterShare::registrations)
                .containsExactly(2L, 2L, 1L);
        assertThat(now.quarters().get(2).earlyShare()).isEqualByComparingTo("0");
        assertThat(now.dropThreshold()).isEqualByComparingTo("0.20");
        assertThat(now.earlyRegistrationDrop()).isTrue();

        EarlyRegistrationIndicator before = PartnerReport.earlyRegistration(facts(), "P3",
                Instant.parse("2026-09-30T00:00:00Z"));
        assertThat(before.registrations()).isEqualTo(4);
        assertThat(before.earlyShare()).isEqualByComparingTo("0.75");
        assertThat(before.medianDaysBeforeClose()).isEqualByComparingTo("60");
        assertThat(before.quarters()).extracting(EarlyRegistrationIndicator.QuarterShare::quarter)
                .containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(before.quarters().get(0).earlyShare()).isNull();
        assertThat(before.earlyRegistrationDrop()).isFalse();

        EarlyRegistrationIndicator p1 = PartnerReport.earlyRegistration(facts(), "P1",
                Instant.parse("2026-10-20T00:00:00Z"));
        assertThat(p1.registrations()).isEqualTo(2);
        assertThat(p1.early()).isEqualTo(2);
        assertThat(p1.medianDaysBeforeClose()).isEqualByComparingTo("68");
    }

    @Test
    void theFlagSaysWhenTheDropFollowedSupportTakenAwayFromThePartner() {
        partnerThatStoppedRegisteringEarly();
        at(Duration.between(T0, Instant.parse("2026-07-20T00:00:00Z")), "manager-1", new SupportMoved("O-Q3a", "Q3a",
                "P3", "X", "P9", SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, "ab", null, T0, 1));
        assertThat(PartnerReport.rows(facts(), QUARTER).get(0).dropAfterAdverseEvent()).isTrue();
    }

    @Test
    void thePolicyInForceSetsTheThreshold() {
        partnerThatStoppedRegisteringEarly();
        PolicyDocument policy = new PolicyDocument(new TreeMap<>(), new TreeMap<>(), 2, List.of(2, 3, 5), null, 10,
                12, null, null, null, BigDecimal.ONE);
        at(h(1), "admin", new PolicyPublished(2, policy, T0, "admin"));
        assertThat(PartnerReport.rows(facts(), QUARTER).get(0).earlyRegistrationDrop()).isFalse();
    }

    /**
     * Under a policy with points rules, early means the policy's {@code earlyRegistration.minDaysBeforeClose} (60)
     * calendar days or more, as the points bonus and the tiers count it: P1's R1 (91 days) is early, R3 (45) no longer.
     */
    @Test
    void thePolicyInForceDefinesAnEarlyRegistrationAsThePointsRulesDo() {
        story();
        PolicyDocument policy = new PolicyDocument(new TreeMap<>(), new TreeMap<>(), 2, List.of(2, 3, 5), null, 10,
                12, null, null, null, null, new ProgramRules("RUB", new TreeMap<>(),
                new PointsRules(10, new PointsRules.EarlyRegistration(60, 5), 1, 10, 365, null), null));
        at(h(1), "admin", new PolicyPublished(2, policy, T0, "admin"));
        EarlyRegistrationIndicator p1 = PartnerReport.earlyRegistration(facts(), "P1",
                Instant.parse("2026-10-20T00:00:00Z"));
        assertThat(p1.earlyDays()).isEqualTo(60);
        assertThat(p1.registrations()).isEqualTo(2);
        assertThat(p1.early()).isEqualTo(1);
        assertThat(p1.earlyShare()).isEqualByComparingTo("0.5");
        assertThat(PartnerReport.rows(facts(), QUARTER).stream().filter(row -> row.partnerId().equals("P1"))
                .findFirst().orElseThrow().earlyShare()).isEqualByComparingTo("0.5");
    }

    @Test
    void aDropNeedsTwoConsecutiveFallsAndMoreThanTheThreshold() {
        BigDecimal threshold = new BigDecimal("0.20");
        assertThat(PartnerReport.dropped(dec("0.9"), dec("0.8"), dec("0.6"), threshold)).isTrue();
        assertThat(PartnerReport.dropped(dec("0.9"), dec("0.8"), dec("0.7"), threshold)).isFalse();
        assertThat(PartnerReport.dropped(dec("0.9"), dec("0.9"), dec("0.1"), threshold)).isFalse();
        assertThat(PartnerReport.dropped(dec("0.9"), dec("0.5"), dec("0.6"), threshold)).isFalse();
        assertThat(PartnerReport.dropped(null, dec("0.5"), dec("0.1"), threshold)).isFalse();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}

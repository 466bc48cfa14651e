package com.leadledger.command.registration;

import com.leadledger.command.common.CommandRouting;
import com.leadledger.command.common.FixtureClock;
import com.leadledger.command.partner.TestPartners;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.command.review.ApproveRegistration;
import com.leadledger.command.review.DecideExtension;
import com.leadledger.command.review.RejectRegistration;
import com.leadledger.command.support.ChangeSupport;
import com.leadledger.command.support.RecordSupportEvidence;
import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.opportunity.RulingRecorded;
import com.leadledger.events.opportunity.SupportEvidenceRecorded;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationRevocationReversed;
import com.leadledger.events.registration.RegistrationRevoked;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static com.leadledger.command.common.RuleViolations.invalidField;
import static com.leadledger.command.common.RuleViolations.retryingAfter;
import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.FORBIDDEN;
import static com.leadledger.kit.domain.RuleViolation.Kind.INVALID;
import static com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND;
import static com.leadledger.kit.domain.RuleViolation.Kind.TOO_MANY_REQUESTS;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

class OpportunityTest {

    /** Thursday 12:00 in Moscow. */
    static final Instant NOW = Instant.parse("2026-11-19T09:00:00Z");
    /** NOW + 2 business days (Monday), + 4 (Wednesday), + 6 (Friday). */
    static final Instant DUE_1 = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant DUE_2 = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant DUE_3 = Instant.parse("2026-11-27T09:00:00Z");
    static final CustomerIdentity CUSTOMER =
            new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", "romashka.ru", null);
    static final CustomerKey KEY = CUSTOMER.key();
    static final String LINE = "NETWORK_SECURITY";
    static final String OPP = OpportunityIds.idFor(KEY, LINE);
    static final Money VALUE = Money.of("1250000.00", "RUB");
    static final LocalDate CLOSE = LocalDate.parse("2027-03-31");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private AggregateTestFixture<Opportunity> fixture;
    private final TestPartners partners = new TestPartners();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime()));
        fixture.registerInjectableResource(new TestPolicies());
        fixture.registerInjectableResource(new ChurnLimit(20, Duration.ofHours(24)));
        fixture.registerInjectableResource(partners);
        fixture.registerCommandTargetResolver(new CommandRouting(registrationId -> Optional.of(OPP)));
    }

    // ------------------------------------------------------------------ builders

    static FileRegistration submit(String registrationId, String partnerId) {
        return new FileRegistration(OPP, registrationId, partnerId, CUSTOMER, LINE, VALUE, CLOSE, "Firewalls", 1);
    }

    static RegistrationSubmitted submitted(String registrationId, String partnerId, int position) {
        return submitted(registrationId, partnerId, position, NOW);
    }

    static RegistrationSubmitted submitted(String registrationId, String partnerId, int position, Instant at) {
        return new RegistrationSubmitted(OPP, registrationId, partnerId, position, CUSTOMER, KEY, LINE, VALUE, CLOSE,
                "Firewalls", at, 1);
    }

    static ReviewSlaStarted sla(String registrationId) {
        return new ReviewSlaStarted(OPP, registrationId, 1, DUE_1, NOW, 1);
    }

    static OpportunityOpened opened() {
        return new OpportunityOpened(OPP, KEY, LINE, NOW);
    }

    static ApproveRegistration approve(String registrationId) {
        return new ApproveRegistration(registrationId, new BigDecimal("10"), 90, "ok", null);
    }

    static RegistrationApproved approved(String registrationId, String partnerId, Instant at) {
        return new RegistrationApproved(OPP, registrationId, partnerId, new BigDecimal("10"), 90,
                at.plus(Duration.ofDays(90)), "ok", null, at, 1);
    }

    static ChangeSupport support(ChangeSupport.Action action, String registrationId, SupportReason reason) {
        return new ChangeSupport(OPP, action, registrationId, reason, null, null, null);
    }

    /** A opened and approved at NOW (protected 90 days); B submitted second and still pending. */
    Object[] aApprovedBPending() {
        return new Object[]{opened(), submitted("r-a", "P-A", 1), sla("r-a"), submitted("r-b", "P-B", 2), sla("r-b"),
                approved("r-a", "P-A", NOW)};
    }

    /** P-1's registrations r-1 … r-20, one an hour from {@code first}, each rejected at once. */
    static Object[] twentyRejectedRegistrationsOf(String partnerId, Instant first) {
        java.util.List<Object> events = new java.util.ArrayList<>();
        events.add(new OpportunityOpened(OPP, KEY, LINE, first));
        for (int i = 1; i <= 20; i++) {
            Instant at = first.plus(Duration.ofHours(i - 1));
            events.add(submitted("r-" + i, partnerId, i, at));
            events.add(new RegistrationRejected(OPP, "r-" + i, partnerId, RejectionReason.OTHER, "no", null, at, 1));
        }
        return events.toArray();
    }

    // ------------------------------------------------------------------ submission and withdrawal

    @Nested
    class Submission {

        /** Security point 5: withdraw-and-resubmit loops on one opportunity are capped per partner and day. */
        @Test
        void cannotResubmitMoreOftenThanThePolicyAllowsWithin24Hours() {
            Instant later = NOW.plus(Duration.ofHours(3));
            fixture.givenCurrentTime(later)
                    .andGiven(opened(),
                            submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW),
                            submitted("r-2", "P-1", 2), new RegistrationWithdrawn(OPP, "r-2", "P-1", null,
                                    NOW.plusSeconds(3600)),
                            submitted("r-3", "P-1", 3), new RegistrationWithdrawn(OPP, "r-3", "P-1", null,
                                    NOW.plusSeconds(7200)))
                    .when(submit("r-4", "P-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "RESUBMISSION_LIMIT_REACHED",
                            Map.of("availableAt", NOW.plus(Duration.ofDays(1)).toString())));
            fixture.givenCurrentTime(NOW.plus(Duration.ofDays(1)).plusSeconds(1))
                    .andGiven(opened(),
                            submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW),
                            submitted("r-2", "P-1", 2), new RegistrationWithdrawn(OPP, "r-2", "P-1", null,
                                    NOW.plusSeconds(3600)),
                            submitted("r-3", "P-1", 3), new RegistrationWithdrawn(OPP, "r-3", "P-1", null,
                                    NOW.plusSeconds(7200)))
                    .when(submit("r-4", "P-1"))
                    .expectSuccessfulHandlerExecution();
        }

        /** However its registrations ended, a partner registers one opportunity at most 20 times within 24 hours. */
        @Test
        void cannotRegisterOneOpportunityMoreOftenThanTheChurnLimitAllowsWithin24Hours() {
            Instant first = NOW.minus(Duration.ofHours(23));
            fixture.givenCurrentTime(NOW)
                    .andGiven(twentyRejectedRegistrationsOf("P-1", first))
                    .when(submit("r-21", "P-1"))
                    .expectNoEvents()
                    .expectException(violation(TOO_MANY_REQUESTS, "REGISTRATION_CHURN_LIMIT",
                            Map.of("availableAt", first.plus(Duration.ofDays(1)).toString())));
        }

        @Test
        void canRegisterAgainOnceTheOldestRegistrationLeftTheChurnWindow() {
            Instant first = NOW.minus(Duration.ofHours(23));
            fixture.givenCurrentTime(first.plus(Duration.ofDays(1)).plusSeconds(1))
                    .andGiven(twentyRejectedRegistrationsOf("P-1", first))
                    .when(submit("r-21", "P-1"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void canRegisterAnOpportunityAnotherPartnerChurnedToItsLimit() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(twentyRejectedRegistrationsOf("P-1", NOW.minus(Duration.ofHours(23))))
                    .when(submit("r-other", "P-2"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotRegisterPastTheChurnLimitAndSaysWhenToRetry() {
            Instant first = NOW.minus(Duration.ofHours(23));
            fixture.givenCurrentTime(NOW)
                    .andGiven(twentyRejectedRegistrationsOf("P-1", first))
                    .when(submit("r-21", "P-1"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("20 times within 24 hours"))
                    .expectException(retryingAfter(Duration.ofHours(1)));
        }

        /** Security point 8: a suspended partner may not push its deals forward. */
        @Test
        void cannotRequestExtensionsOrReportOutcomesWhileSuspended() {
            partners.suspended("P-A");
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new RequestExtension("r-a", "x-1", "P-A", "delayed", 10))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "PARTNER_SUSPENDED"));
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.WON, VALUE, null))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "PARTNER_SUSPENDED"));
        }

        @Test
        void canStillWithdrawWhileSuspended() {
            partners.suspended("P-A");
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), sla("r-a"))
                    .when(new WithdrawRegistration("r-a", "P-A", null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void canOpenTheOpportunityWithTheFirstRegistrationAndStartItsReviewClock() {
            fixture.givenCurrentTime(NOW)
                    .when(submit("r-1", "P-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(), submitted("r-1", "P-1", 1), sla("r-1"))
                    .expectResultMessagePayload(new RegistrationAccepted("r-1", OPP, NOW))
                    .expectScheduledDeadlineWithName(DUE_1, ReviewDeadline.NAME);
        }

        @Test
        void canRankLaterRegistrationsOfOtherPartnersBehindEarlierOnes() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), submitted("r-2", "P-2", 2))
                    .when(submit("r-3", "P-3"))
                    .expectEvents(submitted("r-3", "P-3", 3), sla("r-3"));
        }

        @Test
        void canKeepPositionsGaplessAfterAWithdrawal() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW))
                    .when(submit("r-2", "P-2"))
                    .expectEvents(submitted("r-2", "P-2", 2), sla("r-2"));
        }

        @Test
        void canRegisterAgainAfterWithdrawingTheEarlierRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", "x", NOW))
                    .when(submit("r-2", "P-1"))
                    .expectEvents(submitted("r-2", "P-1", 2), sla("r-2"));
        }

        @Test
        void cannotRegisterTwiceWhileTheFirstRegistrationIsActive() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1))
                    .when(submit("r-2", "P-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ACTIVE_REGISTRATION_EXISTS", Map.of("registrationId", "r-1")));
        }

        @Test
        void cannotLearnAboutOtherPartnersFromTheDuplicateRefusal() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), submitted("r-2", "P-2", 2))
                    .when(submit("r-3", "P-2"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ACTIVE_REGISTRATION_EXISTS", Map.of("registrationId", "r-2")))
                    .expectExceptionMessage(not(anyOf(containsString("P-1"), containsString("r-1"))));
        }

        @Test
        void cannotReuseARegistrationId() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1))
                    .when(submit("r-1", "P-2"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_ID_TAKEN"));
        }

        @Test
        void canWithdrawOwnActiveRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1))
                    .when(new WithdrawRegistration("r-1", "P-1", "lost interest"))
                    .expectEvents(new RegistrationWithdrawn(OPP, "r-1", "P-1", "lost interest", NOW));
        }

        @Test
        void canMakeTheNextInLineReviewableByWithdrawingTheHead() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), submitted("r-2", "P-2", 2))
                    .when(new WithdrawRegistration("r-1", "P-1", null))
                    .expectEvents(new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW),
                            new RegistrationBecameReviewable(OPP, "r-2", "P-2", DUE_1, NOW, 1))
                    .expectScheduledDeadlineWithName(DUE_1, ReviewDeadline.NAME);
        }

        @Test
        void cannotWithdrawAnotherPartnersRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1))
                    .when(new WithdrawRegistration("r-1", "P-2", null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotWithdrawAnUnknownRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1))
                    .when(new WithdrawRegistration("r-404", "P-1", null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotWithdrawTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW))
                    .when(new WithdrawRegistration("r-1", "P-1", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_NOT_ACTIVE"));
        }
    }

    // ------------------------------------------------------------------ review

    @Nested
    class Review {

        @Test
        void canApproveTheFirstRegistrationProtectItAndNoticeLaterOnesAnonymously() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2))
                    .when(approve("r-a"))
                    .expectEvents(approved("r-a", "P-A", NOW),
                            new EarlierRegistrationNoticeIssued(OPP, "r-b", "P-B", NOW, NOW))
                    .expectResultMessagePayload(new ApproveRegistration.Result(NOW.plus(Duration.ofDays(90)), 1))
                    .expectScheduledDeadline(NOW.plus(Duration.ofDays(90)),
                            new ProtectionDeadline("r-a", NOW.plus(Duration.ofDays(90))));
        }

        @Test
        void canApproveWithTheTiersProtectionDaysWhenNoneAreGiven() {
            partners.with("P-A", PartnerTier.SILVER);
            Instant until = NOW.plus(Duration.ofDays(90));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new ApproveRegistration("r-a", new BigDecimal("10"), null, null, null))
                    .expectEvents(new RegistrationApproved(OPP, "r-a", "P-A", new BigDecimal("10"), 90, until, null,
                            null, NOW, 1))
                    .expectResultMessagePayload(new ApproveRegistration.Result(until, 1));
        }

        @Test
        void cannotApproveADiscountAboveTheTiersMaximum() {
            partners.with("P-A", PartnerTier.SILVER);
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new ApproveRegistration("r-a", new BigDecimal("10.01"), null, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("discountPercent", "DISCOUNT_ABOVE_TIER_MAXIMUM"));
        }

        @Test
        void cannotApproveMoreProtectionDaysThanTheTiers() {
            partners.with("P-A", PartnerTier.REGISTERED);
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new ApproveRegistration("r-a", BigDecimal.ONE, 61, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("protectionDays", "PROTECTION_ABOVE_TIER"));
        }

        @Test
        void cannotApproveARegistrationOfAPartnerMissingFromTheRegistry() {
            partners.without("P-A");
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(approve("r-a"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "PARTNER_UNKNOWN"));
        }

        @Test
        void cannotApproveForAPartnerWhoseTierThePolicyInForceDoesNotDefine() {
            partners.with("P-A", PartnerTier.of("DIAMOND"));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(approve("r-a"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "TIER_NOT_IN_POLICY"));
        }

        @Test
        void cannotRejectForOtherReasonsWithoutANote() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new RejectRegistration("r-a", RejectionReason.OTHER, null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "NOTE_REQUIRED"));
        }

        @Test
        void cannotApproveWhileAnEarlierActiveRegistrationOfAnotherPartnerExists() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2))
                    .when(approve("r-b"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EARLIER_REGISTRATION_EXISTS",
                            Map.of("earlierRegisteredAt", NOW.toString())))
                    .expectExceptionMessage(not(anyOf(containsString("P-A"), containsString("r-a"))));
        }

        @Test
        void canApproveALaterRegistrationThatARulingNamed() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2),
                            new RulingRecorded(OPP, "d-1", "r-b", NOW))
                    .when(new ApproveRegistration("r-b", BigDecimal.ONE, 60, null, "d-1"))
                    .expectEvents(new RegistrationApproved(OPP, "r-b", "P-B", BigDecimal.ONE, 60,
                            NOW.plus(Duration.ofDays(60)), null, "d-1", NOW, 1));
        }

        @Test
        void cannotApproveWithARulingThatNamedAnotherRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2),
                            new RulingRecorded(OPP, "d-1", "r-a", NOW))
                    .when(new ApproveRegistration("r-b", BigDecimal.ONE, 60, null, "d-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "RULING_NOT_APPLICABLE"));
        }

        @Test
        void cannotApproveTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(approve("r-a"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_NOT_PENDING"));
        }

        @Test
        void cannotApproveAnUnknownRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(approve("r-x"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void canRejectALaterRegistrationAsAlreadyRegisteredShowingOnlyTheEarlierTime() {
            Instant later = NOW.plus(Duration.ofHours(1));
            fixture.givenCurrentTime(later)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2, later))
                    .when(new RejectRegistration("r-b", RejectionReason.ALREADY_REGISTERED, null))
                    .expectEvents(new RegistrationRejected(OPP, "r-b", "P-B", RejectionReason.ALREADY_REGISTERED, null,
                            NOW, later, 1));
        }

        @Test
        void cannotRejectAsAlreadyRegisteredWithoutAnEarlierRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new RejectRegistration("r-a", RejectionReason.ALREADY_REGISTERED, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_EARLIER_REGISTRATION"));
        }

        @Test
        void canRejectTheHeadAndMakeTheNextReviewable() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2))
                    .when(new RejectRegistration("r-a", RejectionReason.INSUFFICIENT_INFORMATION, "no contact"))
                    .expectEvents(new RegistrationRejected(OPP, "r-a", "P-A", RejectionReason.INSUFFICIENT_INFORMATION,
                                    "no contact", null, NOW, 1),
                            new RegistrationBecameReviewable(OPP, "r-b", "P-B", DUE_1, NOW, 1));
        }

        @Test
        void cannotRejectADecidedRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(new RejectRegistration("r-a", RejectionReason.OTHER, "x"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_NOT_PENDING"));
        }
    }

    // ------------------------------------------------------------------ review SLA

    @Nested
    class ReviewSla {

        @Test
        void canEscalateAnUnreviewedRegistrationToTheDirectorWhenItsSlaPasses() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-1", "P-1"))
                    .whenThenTimeAdvancesTo(DUE_1)
                    .expectEvents(new ReviewEscalated(OPP, "r-1", 2, DUE_2, DUE_1, 1))
                    .expectScheduledDeadline(Duration.ofDays(2), new ReviewDeadline("r-1", 2, DUE_2));
        }

        @Test
        void canEscalateToTheCommitteeAndStopThere() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-1", "P-1"))
                    .whenThenTimeAdvancesTo(DUE_3.plus(Duration.ofDays(30)))
                    .expectEvents(new ReviewEscalated(OPP, "r-1", 2, DUE_2, DUE_1, 1),
                            new ReviewEscalated(OPP, "r-1", 3, DUE_3, DUE_2, 1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void cannotEscalateARegistrationThatWasDecidedInTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-1", "P-1"), approve("r-1"))
                    .whenThenTimeAdvancesTo(DUE_1.plus(Duration.ofHours(1)))
                    .expectNoEvents();
        }

        @Test
        void canStartTheReviewClockAcrossTheNewYearHolidaysOfTheShippedCalendar() {
            // Tuesday 2026-12-29 12:00 MSK + 2 business days: Wednesday the 30th, then 31 December to 10 January are
            // holidays and weekends, so the second business day is Monday 2027-01-11.
            Instant beforeNewYear = Instant.parse("2026-12-29T09:00:00Z");
            fixture.givenCurrentTime(beforeNewYear)
                    .when(submit("r-1", "P-1"))
                    .expectScheduledDeadlineWithName(Instant.parse("2027-01-11T09:00:00Z"), ReviewDeadline.NAME);
        }

        @Test
        void canCountATransferredWorkingSaturdayOfTheShippedCalendar() {
            // Friday 2027-11-12 12:00 MSK + 2 business days: Saturday the 13th is a working day, so Monday the 15th.
            Instant beforeWorkingSaturday = Instant.parse("2027-11-12T09:00:00Z");
            FileRegistration closingLater = new FileRegistration(OPP, "r-1", "P-1", CUSTOMER, LINE, VALUE,
                    LocalDate.parse("2028-03-31"), "Firewalls", 1);
            fixture.givenCurrentTime(beforeWorkingSaturday)
                    .when(closingLater)
                    .expectScheduledDeadlineWithName(Instant.parse("2027-11-15T09:00:00Z"), ReviewDeadline.NAME);
        }

        @Test
        void canEscalateOnlyBeforeTheCurrentSlaIsMet() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-1", "P-1"))
                    .whenThenTimeAdvancesTo(DUE_1.minus(Duration.ofMinutes(1)))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------ protection, extension, outcome

    @Nested
    class Protection {

        @Test
        void canExpireAtProtectedUntilAndMakeTheNextInLineReviewable() {
            Instant until = NOW.plus(Duration.ofDays(90));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-a", "P-A"), submit("r-b", "P-B"), approve("r-a"))
                    .whenThenTimeAdvancesTo(until)
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.listWithAllOf(
                                    org.hamcrest.Matchers.equalTo(new RegistrationExpired(OPP, "r-a", "P-A", until)),
                                    org.hamcrest.Matchers.equalTo(new RegistrationBecameReviewable(OPP, "r-b", "P-B",
                                            Instant.parse("2027-02-19T09:00:00Z"), until, 1)))));
        }

        @Test
        void canExtendProtectionOnceWithinThePolicyLimits() {
            Instant until = NOW.plus(Duration.ofDays(90));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "tender delayed", 30, NOW))
                    .when(new DecideExtension("r-a", "x-1", true, "fine"))
                    .expectEvents(new ExtensionGranted(OPP, "r-a", "x-1", "P-A", 30, until.plus(Duration.ofDays(30)),
                            "fine", NOW, 1))
                    .expectScheduledDeadline(Duration.ofDays(120),
                            new ProtectionDeadline("r-a", until.plus(Duration.ofDays(30))));
        }

        @Test
        void cannotLetAnOldExpiryDeadlineEndAnExtendedProtection() {
            Instant until = NOW.plus(Duration.ofDays(90));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-a", "P-A"), approve("r-a"),
                            new RequestExtension("r-a", "x-1", "P-A", "tender delayed", 10),
                            new DecideExtension("r-a", "x-1", true, null))
                    .whenThenTimeAdvancesTo(until.plus(Duration.ofDays(1)))
                    .expectNoEvents();
        }

        @Test
        void canRequestAnExtensionOfThePolicyMaximumByDefault() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(new RequestExtension("r-a", "x-1", "P-A", "tender delayed", null))
                    .expectEvents(new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "tender delayed", 30, NOW));
        }

        @Test
        void cannotRequestALongerExtensionThanThePolicyAllows() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(new RequestExtension("r-a", "x-1", "P-A", "please", 31))
                    .expectNoEvents()
                    .expectException(violation(INVALID, "EXTENSION_TOO_LONG"));
        }

        @Test
        void cannotRequestMoreExtensionsThanThePolicyAllows() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "r", 30, NOW),
                            new ExtensionGranted(OPP, "r-a", "x-1", "P-A", 30, NOW.plus(Duration.ofDays(120)), null, NOW, 1))
                    .when(new RequestExtension("r-a", "x-2", "P-A", "again", 5))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EXTENSION_LIMIT_REACHED"));
        }

        @Test
        void canRequestASecondExtensionWhenThePartnersTierAllowsTwo() {
            partners.with("P-A", PartnerTier.PLATINUM);
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "r", 30, NOW),
                            new ExtensionGranted(OPP, "r-a", "x-1", "P-A", 30, NOW.plus(Duration.ofDays(120)), null, NOW, 1))
                    .when(new RequestExtension("r-a", "x-2", "P-A", "again", 5))
                    .expectEvents(new ExtensionRequested(OPP, "r-a", "x-2", "P-A", "again", 5, NOW));
        }

        @Test
        void cannotRequestMoreExtensionsThanThePartnersTierAllows() {
            partners.with("P-A", PartnerTier.PLATINUM);
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "r", 30, NOW),
                            new ExtensionGranted(OPP, "r-a", "x-1", "P-A", 30, NOW.plus(Duration.ofDays(120)), null, NOW, 1),
                            new ExtensionRequested(OPP, "r-a", "x-2", "P-A", "r", 10, NOW),
                            new ExtensionGranted(OPP, "r-a", "x-2", "P-A", 10, NOW.plus(Duration.ofDays(130)), null, NOW, 1))
                    .when(new RequestExtension("r-a", "x-3", "P-A", "third", 5))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EXTENSION_LIMIT_REACHED"));
        }

        @Test
        void cannotRequestAnExtensionForAnUnprotectedRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1))
                    .when(new RequestExtension("r-a", "x-1", "P-A", "please", 5))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NOT_PROTECTED"));
        }

        @Test
        void cannotRequestAnExtensionWhileOneIsPending() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "r", 30, NOW))
                    .when(new RequestExtension("r-a", "x-2", "P-A", "again", 5))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EXTENSION_PENDING"));
        }

        @Test
        void canRefuseAnExtension() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW),
                            new ExtensionRequested(OPP, "r-a", "x-1", "P-A", "r", 30, NOW))
                    .when(new DecideExtension("r-a", "x-1", false, "no"))
                    .expectEvents(new ExtensionRefused(OPP, "r-a", "x-1", "P-A", "no", NOW, 1));
        }

        @Test
        void cannotDecideAnUnknownExtensionRequest() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(new DecideExtension("r-a", "x-9", true, null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void canReportAWin() {
            Money finalValue = Money.of("1200000.00", "RUB");
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), approved("r-a", "P-A", NOW))
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.WON, finalValue, null))
                    .expectEvents(new RegistrationWon(OPP, "r-a", "P-A", finalValue, NOW));
        }

        @Test
        void cannotReportAWinWithoutTheFinalValue() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.WON, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("finalValue", "INVALID"));
        }

        @Test
        void cannotReportAWinInAnUnknownCurrency() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.WON, Money.of("1", "XXY"), null))
                    .expectNoEvents()
                    .expectException(invalidField("finalValue.currency", "INVALID"));
        }

        @Test
        void cannotReportALossWithoutAReason() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.LOST, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("reason", "INVALID"));
        }

        @Test
        void canReportALossAndMakeTheNextInLineReviewable() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-A", ReportOutcome.Result.LOST, null, "price"))
                    .expectEvents(new RegistrationLost(OPP, "r-a", "P-A", "price", NOW),
                            new RegistrationBecameReviewable(OPP, "r-b", "P-B", DUE_1, NOW, 1));
        }

        @Test
        void cannotReportTheOutcomeOfAnotherPartnersRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new ReportOutcome("r-a", "P-B", ReportOutcome.Result.LOST, null, "price"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }
    }

    // ------------------------------------------------------------------ vendor support

    @Nested
    class Support {

        Object[] bothApprovedASupported() {
            return new Object[]{opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2),
                    approved("r-a", "P-A", NOW), new RulingRecorded(OPP, "d-1", "r-b", NOW),
                    new RegistrationApproved(OPP, "r-b", "P-B", BigDecimal.ONE, 60, NOW.plus(Duration.ofDays(60)), null,
                            "d-1", NOW, 1),
                    new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1)};
        }

        @Test
        void cannotGrantSupportWithoutNamingTheRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(support(ChangeSupport.Action.GRANT, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("registrationId", "INVALID"));
        }

        @Test
        void cannotCiteARulingWithoutNamingTheDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.ARBITRATION_RULING))
                    .expectNoEvents()
                    .expectException(invalidField("rulingDisputeId", "INVALID"));
        }

        @Test
        void canGrantSupportToAnApprovedRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(support(ChangeSupport.Action.GRANT, "r-a", null))
                    .expectEvents(new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1));
        }

        @Test
        void cannotGrantSupportToAPendingRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(support(ChangeSupport.Action.GRANT, "r-b", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_NOT_APPROVED"));
        }

        @Test
        void cannotGrantSupportTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.GRANT, "r-b", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_ALREADY_GRANTED"));
        }

        @Test
        void cannotMoveSupportAwayFromAProtectedRegistrationWithoutAReason() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED"));
        }

        @Test
        void cannotMoveSupportFromAProtectedRegistrationToAPendingOneWithoutARuling() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1))
                    .when(support(ChangeSupport.Action.MOVE, "r-b", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED"));
        }

        @Test
        void cannotMoveSupportToARegistrationThatIsNotApproved() {
            fixture.givenCurrentTime(NOW.plus(Duration.ofDays(91)))
                    .andGiven(aApprovedBPending())
                    .andGiven(new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1))
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.PROTECTION_EXPIRED))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "REGISTRATION_NOT_APPROVED"));
        }

        @Test
        void cannotClaimAnExpiryThatHasNotHappened() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.PROTECTION_EXPIRED))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED"));
        }

        @Test
        void cannotClaimAWithdrawalThatHasNotHappened() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.PARTNER_WITHDREW))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED"));
        }

        @Test
        void cannotMoveSupportCitingACustomerPreferenceWithoutEvidence() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.CUSTOMER_WRITTEN_PREFERENCE))
                    .expectNoEvents()
                    .expectException(invalidField("evidenceSha256", "INVALID"));
        }

        @Test
        void canRecordTheCustomersWrittenPreferenceOnceForMovesToCite() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(new RecordSupportEvidence(OPP, SHA.toUpperCase(), "letter of 20 Nov",
                            "https://dms.example/letters/20", "manager-1"))
                    .expectEvents(new SupportEvidenceRecorded(OPP, SHA, "letter of 20 Nov",
                            "https://dms.example/letters/20", "manager-1", NOW));
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .andGiven(new SupportEvidenceRecorded(OPP, SHA, "letter", null, "manager-1", NOW))
                    .when(new RecordSupportEvidence(OPP, SHA, "again", null, "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EVIDENCE_ALREADY_RECORDED"));
        }

        /** Security point 11: a support move cannot cite a preference nobody recorded. */
        @Test
        void cannotMoveSupportCitingAPreferenceThatWasNeverRecorded() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(new ChangeSupport(OPP, ChangeSupport.Action.MOVE, "r-b",
                            SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, SHA, "letter of 20 Nov"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EVIDENCE_NOT_RECORDED"));
        }

        @Test
        void canMoveSupportCitingTheCustomersWrittenPreference() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .andGiven(new SupportEvidenceRecorded(OPP, SHA, "letter of 20 Nov", null, "manager-1", NOW))
                    .when(new ChangeSupport(OPP, ChangeSupport.Action.MOVE, "r-b",
                            SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, SHA, "letter of 20 Nov"))
                    .expectEvents(new SupportMoved(OPP, "r-a", "P-A", "r-b", "P-B",
                            SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, SHA, "letter of 20 Nov", NOW, 1));
        }

        @Test
        void canMoveSupportCitingARulingThatNamedTheNewRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .when(new ChangeSupport(OPP, ChangeSupport.Action.MOVE, "r-b", SupportReason.ARBITRATION_RULING,
                            "d-1", null, null))
                    .expectEvents(new SupportMoved(OPP, "r-a", "P-A", "r-b", "P-B", SupportReason.ARBITRATION_RULING,
                            "d-1", null, null, NOW, 1));
        }

        @Test
        void cannotMoveSupportCitingARulingThatNamedAnotherRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .andGiven(new RulingRecorded(OPP, "d-2", "r-a", NOW))
                    .when(new ChangeSupport(OPP, ChangeSupport.Action.MOVE, "r-b", SupportReason.ARBITRATION_RULING,
                            "d-2", null, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "SUPPORT_SWITCH_NOT_ALLOWED"));
        }

        @Test
        void canMoveSupportOnceProtectionHasExpired() {
            Instant later = NOW.plus(Duration.ofDays(91));
            fixture.givenCurrentTime(later)
                    .andGiven(bothApprovedASupported())
                    .when(support(ChangeSupport.Action.MOVE, "r-b", SupportReason.PROTECTION_EXPIRED))
                    .expectEvents(new SupportMoved(OPP, "r-a", "P-A", "r-b", "P-B", SupportReason.PROTECTION_EXPIRED,
                            null, null, null, later, 1));
        }

        @Test
        void canWithdrawSupportWhenThePartnerWithdrew() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(bothApprovedASupported())
                    .andGiven(new RegistrationWithdrawn(OPP, "r-a", "P-A", null, NOW))
                    .when(support(ChangeSupport.Action.WITHDRAW, null, SupportReason.PARTNER_WITHDREW))
                    .expectEvents(new SupportWithdrawn(OPP, "r-a", "P-A", SupportReason.PARTNER_WITHDREW, null, null,
                            null, NOW, 1));
        }

        @Test
        void cannotWithdrawSupportThatWasNeverGranted() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(support(ChangeSupport.Action.WITHDRAW, null, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_SUPPORT"));
        }

        @Test
        void canRecordARulingOnlyOnce() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(new RulingRecorded(OPP, "d-1", "r-b", NOW))
                    .when(new RecordRuling(OPP, "d-1", "r-b"))
                    .expectNoEvents();
        }

        @Test
        void canRecordARulingNamingARegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new RecordRuling(OPP, "d-1", "r-b"))
                    .expectEvents(new RulingRecorded(OPP, "d-1", "r-b", NOW));
        }
    }

    // ------------------------------------------------------------------ arbitration effects

    @Nested
    class Arbitration {

        final Instant until = NOW.plus(Duration.ofDays(90));

        RegistrationRevoked revoked(boolean heldSupport) {
            return new RegistrationRevoked(OPP, "r-a", "P-A", "d-1", until, heldSupport, NOW);
        }

        @Test
        void canRevokeAnApprovedRegistrationAndMakeTheNextInLineReviewable() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new RevokeProtection(OPP, "r-a", "d-1"))
                    .expectEvents(revoked(false), new RegistrationBecameReviewable(OPP, "r-b", "P-B", DUE_1, NOW, 1))
                    .expectScheduledDeadline(DUE_1, new ReviewDeadline("r-b", 1, DUE_1));
        }

        @Test
        void canRevokeASupportedRegistrationWithoutMovingItsSupport() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1))
                    .when(new RevokeProtection(OPP, "r-a", "d-1"))
                    .expectEvents(revoked(true), new RegistrationBecameReviewable(OPP, "r-b", "P-B", DUE_1, NOW, 1));
        }

        @Test
        void canMoveSupportAwayFromARevokedRegistrationWithoutAReason() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2),
                            approved("r-a", "P-A", NOW), new SupportGranted(OPP, "r-a", "P-A", null, NOW, 1),
                            revoked(true), approved("r-b", "P-B", NOW))
                    .when(support(ChangeSupport.Action.MOVE, "r-b", null))
                    .expectEvents(new SupportMoved(OPP, "r-a", "P-A", "r-b", "P-B", null, null, null, null, NOW, 1));
        }

        @Test
        void cannotRevokeTheSameRegistrationTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(revoked(false))
                    .when(new RevokeProtection(OPP, "r-a", "d-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotRevokeARegistrationThatHasNoProtection() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new RevokeProtection(OPP, "r-b", "d-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotRevokeAnUnknownRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .when(new RevokeProtection(OPP, "r-x", "d-1"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void canRestoreARevokedRegistrationWithItsProtectionWhileThatLasts() {
            Instant later = NOW.plus(Duration.ofDays(20));
            fixture.givenCurrentTime(later)
                    .andGiven(aApprovedBPending())
                    .andGiven(revoked(false))
                    .when(new RestoreProtection(OPP, "r-a", "d-1"))
                    .expectEvents(new RegistrationRevocationReversed(OPP, "r-a", "P-A", "d-1",
                            RegistrationStatus.APPROVED, until, later));
        }

        @Test
        void canRestoreARevokedRegistrationAsExpiredOnceItsProtectionHasEnded() {
            Instant later = until.plus(Duration.ofDays(1));
            fixture.givenCurrentTime(later)
                    .andGiven(aApprovedBPending())
                    .andGiven(revoked(false))
                    .when(new RestoreProtection(OPP, "r-a", "d-1"))
                    .expectEvents(new RegistrationRevocationReversed(OPP, "r-a", "P-A", "d-1",
                            RegistrationStatus.EXPIRED, until, later));
        }

        @Test
        void canLetARestoredRegistrationExpireAtItsFormerProtectionEnd() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(submit("r-a", "P-A"), approve("r-a"), new RevokeProtection(OPP, "r-a", "d-1"),
                            new RestoreProtection(OPP, "r-a", "d-1"))
                    .whenThenTimeAdvancesTo(until)
                    .expectEvents(new RegistrationExpired(OPP, "r-a", "P-A", until));
        }

        @Test
        void cannotRestoreARegistrationRevokedByAnotherDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(revoked(false))
                    .when(new RestoreProtection(OPP, "r-a", "d-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotRestoreTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(revoked(false), new RegistrationRevocationReversed(OPP, "r-a", "P-A", "d-1",
                            RegistrationStatus.APPROVED, until, NOW))
                    .when(new RestoreProtection(OPP, "r-a", "d-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void canClearARulingThatAnAppealReversed() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(new RulingRecorded(OPP, "d-1", "r-b", NOW))
                    .when(new RecordRuling(OPP, "d-1", null))
                    .expectEvents(new RulingRecorded(OPP, "d-1", null, NOW));
        }

        @Test
        void cannotClearARulingTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(aApprovedBPending())
                    .andGiven(new RulingRecorded(OPP, "d-1", "r-b", NOW), new RulingRecorded(OPP, "d-1", null, NOW))
                    .when(new RecordRuling(OPP, "d-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void cannotApproveWithARulingThatAnAppealReversed() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), submitted("r-a", "P-A", 1), submitted("r-b", "P-B", 2),
                            new RulingRecorded(OPP, "d-1", "r-b", NOW), new RulingRecorded(OPP, "d-1", null, NOW))
                    .when(new ApproveRegistration("r-b", BigDecimal.ONE, 60, null, "d-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "RULING_NOT_APPLICABLE"));
        }
    }
}

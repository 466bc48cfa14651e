package com.leadledger.command.dispute;

import com.leadledger.command.common.CommandMetadata;
import com.leadledger.command.common.FixtureClock;
import com.leadledger.command.partner.TestPartners;
import com.leadledger.command.policy.TestPolicies;
import com.leadledger.command.registration.TestRegistrations;
import com.leadledger.events.common.Money;
import com.leadledger.events.dispute.DisputeAmounts;
import com.leadledger.events.dispute.DisputeAppealed;
import com.leadledger.events.dispute.DisputeAssigned;
import com.leadledger.events.dispute.DisputeEscalated;
import com.leadledger.events.dispute.DisputeEvidenceAdded;
import com.leadledger.events.dispute.DisputeOpened;
import com.leadledger.events.dispute.DisputeRespondentLinked;
import com.leadledger.events.dispute.DisputeRuled;
import com.leadledger.events.dispute.DisputeType;
import com.leadledger.events.dispute.EvidenceDocument;
import com.leadledger.events.dispute.RulingEffects;
import com.leadledger.kit.domain.Role;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.leadledger.command.common.RuleViolations.invalidField;
import static com.leadledger.command.common.RuleViolations.invalidFields;
import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.events.dispute.DisputeOutcome.DISMISSED;
import static com.leadledger.events.dispute.DisputeOutcome.UPHELD;
import static com.leadledger.kit.domain.Role.ARBITRATION_COMMITTEE;
import static com.leadledger.kit.domain.Role.CHANNEL_DIRECTOR;
import static com.leadledger.kit.domain.Role.CHANNEL_MANAGER;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.FORBIDDEN;
import static com.leadledger.kit.domain.RuleViolation.Kind.INVALID;
import static com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

class DisputeTest {

    /** Thursday 12:00 in Moscow. */
    static final Instant NOW = Instant.parse("2026-11-19T09:00:00Z");
    /** Level 1 SLA from NOW: 2 business days (Monday). */
    static final Instant DUE_1 = Instant.parse("2026-11-23T09:00:00Z");
    /** Level 2 SLA (3 business days) from DUE_1, and level 3 SLA (5 business days) from there. */
    static final Instant DUE_2_AFTER_BREACH = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant DUE_3_AFTER_BREACH = Instant.parse("2026-12-03T09:00:00Z");
    /** Level 2 SLA from NOW (Tuesday), level 3 SLA from NOW (next Thursday). */
    static final Instant DUE_2_FROM_NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant DUE_3_FROM_NOW = Instant.parse("2026-11-26T09:00:00Z");
    /** The policy's appeal window: 10 days after a ruling at NOW. */
    static final Instant APPEALABLE_UNTIL = NOW.plus(Duration.ofDays(10));

    static final String D = "d-1";
    static final String OPP = "opp-1";
    static final String OTHER_OPP = "opp-2";
    static final DisputeAmounts AMOUNTS = new DisputeAmounts(Money.of("1000000.00", "RUB"),
            Money.of("820000.00", "RUB"), new BigDecimal("5"));
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private AggregateTestFixture<Dispute> fixture;
    private final TestPartners partners = new TestPartners().without("P-UNKNOWN");
    /** P-A's r-a on the disputed opportunity, P-B's r-b on another one. */
    private final TestRegistrations registrations = new TestRegistrations()
            .filed("r-a", OPP, "P-A")
            .filed("r-b", OTHER_OPP, "P-B");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime()));
        fixture.registerInjectableResource(new TestPolicies());
        fixture.registerInjectableResource(partners);
        fixture.registerInjectableResource(registrations);
    }

    // ------------------------------------------------------------------ builders

    static OpenDispute open() {
        return new OpenDispute(D, DisputeType.PRICE_DUMPING, OPP, "r-a", "P-A", Role.PARTNER, "B quoted 18 % below list",
                AMOUNTS);
    }

    static DisputeOpened opened() {
        return new DisputeOpened(D, DisputeType.PRICE_DUMPING, OPP, "r-a", "P-A", "PARTNER",
                "B quoted 18 % below list", AMOUNTS, 1, DUE_1, NOW, 1);
    }

    static LinkRespondent link() {
        return new LinkRespondent(D, "P-B", "r-b");
    }

    static DisputeRespondentLinked linked() {
        return new DisputeRespondentLinked(D, "P-B", "r-b", OTHER_OPP, NOW);
    }

    static RuleOnDispute uphold(Role role, String decider) {
        return new RuleOnDispute(D, decider, Set.of(role), UPHELD, "dumping proven", null, true, 10, null);
    }

    static DisputeRuled upheld(int level, String decider, Instant at) {
        return new DisputeRuled(D, OPP, level, UPHELD, "dumping proven", null, true, 10, "P-B", "r-b", OTHER_OPP,
                false, null, at.plus(Duration.ofDays(10)), decider, DisputeLevels.deciderOf(level).name(), at, 1, null);
    }

    static DisputeRuled dismissed(int level, String decider, Instant at) {
        return new DisputeRuled(D, OPP, level, DISMISSED, "no proof", null, false, 0, "P-B", "r-b", OTHER_OPP,
                false, null, at.plus(Duration.ofDays(10)), decider, DisputeLevels.deciderOf(level).name(), at, 1, null);
    }

    static DisputeAppealed appealed(String partnerId, int fromLevel, int level, Instant dueAt) {
        return new DisputeAppealed(D, partnerId, "unfair", fromLevel, level, dueAt, NOW, 1);
    }

    /** Opened at NOW by P-A about its registration r-a, respondent P-B with r-b linked. */
    Object[] openWithRespondent() {
        return new Object[]{opened(), linked()};
    }

    /** ... and upheld at level 1 at NOW: P-B's protection revoked, 10 penalty points. */
    Object[] upheldAtLevelOne() {
        return new Object[]{opened(), linked(), upheld(1, "manager-1", NOW)};
    }

    // ------------------------------------------------------------------ opening, evidence, respondent

    @Nested
    class Opening {

        @Test
        void canOpenADumpingComplaintAtLevelOneWithItsSla() {
            fixture.givenCurrentTime(NOW)
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened())
                    .expectResultMessagePayload(new DisputeLevel(1, DUE_1))
                    .expectScheduledDeadline(DUE_1, new DisputeSlaDeadline(D, 1, DUE_1));
        }

        @Test
        void canOpenADisputeAsStaffWithoutAComplainantPartner() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.SUPPORT_OVERRIDE, OPP, null, null, CHANNEL_MANAGER,
                            "moved without reason", null))
                    .expectEvents(new DisputeOpened(D, DisputeType.SUPPORT_OVERRIDE, OPP, null, null,
                            "CHANNEL_MANAGER", "moved without reason", null, 1, DUE_1, NOW, 1));
        }

        @Test
        void cannotOpenADumpingComplaintWithoutItsAmounts() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.PRICE_DUMPING, OPP, "r-a", "P-A", Role.PARTNER, "x",
                            new DisputeAmounts(Money.of("1", "RUB"), null, BigDecimal.ONE)))
                    .expectNoEvents()
                    .expectException(invalidField("amounts.allegedPrice", "AMOUNTS_REQUIRED"));
        }

        @Test
        void cannotOpenADumpingComplaintWithNoAmountsAtAll() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.PRICE_DUMPING, OPP, "r-a", "P-A", Role.PARTNER, "x", null))
                    .expectNoEvents()
                    .expectException(invalidField("amounts", "AMOUNTS_REQUIRED"));
        }

        @Test
        void cannotCompareAQuoteAndAnAllegedPriceInDifferentCurrencies() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.PRICE_DUMPING, OPP, "r-a", "P-A", Role.PARTNER, "x",
                            new DisputeAmounts(Money.of("1", "RUB"), Money.of("1", "USD"), BigDecimal.ONE)))
                    .expectNoEvents()
                    .expectException(invalidField("amounts.allegedPrice.currency", "CURRENCY_MISMATCH"));
        }

        @Test
        void canOpenAboutAnOpportunityThePartnerRegistered() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.SUPPORT_OVERRIDE, OPP, null, "P-A", Role.PARTNER, "moved",
                            null))
                    .expectEvents(new DisputeOpened(D, DisputeType.SUPPORT_OVERRIDE, OPP, null, "P-A", "PARTNER",
                            "moved", null, 1, DUE_1, NOW, 1));
        }

        @Test
        void cannotOpenAboutAnOpportunityThePartnerNeverRegistered() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.SUPPORT_OVERRIDE, OTHER_OPP, null, "P-A", Role.PARTNER,
                            "curious", null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotOpenAboutAnotherPartnersRegistration() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.DUPLICATE_CLAIM, null, "r-b", "P-A", Role.PARTNER, "mine",
                            null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotOpenNamingNeitherARegistrationNorAnOpportunity() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.DUPLICATE_CLAIM, null, null, "P-A", Role.PARTNER, "x", null))
                    .expectNoEvents()
                    .expectException(invalidField("registrationId", "INVALID"));
        }

        @Test
        void cannotNameARegistrationOfAnotherOpportunityThanTheOneNamed() {
            fixture.givenCurrentTime(NOW)
                    .when(new OpenDispute(D, DisputeType.DUPLICATE_CLAIM, OTHER_OPP, "r-a", "P-A", Role.PARTNER, "x",
                            null))
                    .expectNoEvents()
                    .expectException(invalidField("opportunityId", "INVALID"));
        }

        @Test
        void cannotReuseADisputeId() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(open())
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_ID_TAKEN"));
        }
    }

    @Nested
    class Evidence {

        static final List<EvidenceDocument> DOCS = List.of(new EvidenceDocument("quote.pdf", SHA, null));

        /** Security point 5: one party cannot grow a dispute without end. */
        @Test
        void cannotAddMoreEvidenceThanThePolicyAllowsPerParty() {
            Object[] given = new Object[51];
            given[0] = opened();
            for (int i = 1; i <= 50; i++) {
                given[i] = new DisputeEvidenceAdded(D, "e-" + i, "user-a", "P-A", "item " + i, null, List.of(), NOW);
            }
            fixture.givenCurrentTime(NOW)
                    .andGiven(given)
                    .when(new AddEvidence(D, "e-51", "user-a", "P-A", "one more", null, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "EVIDENCE_LIMIT_REACHED"));
            fixture.givenCurrentTime(NOW)
                    .andGiven(given)
                    .when(new AddEvidence(D, "e-51", "manager-1", null, "staff notes", null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void canAddEvidenceAsTheComplainant() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new AddEvidence(D, "e-1", "user-a", "P-A", "the competitor's quote", AMOUNTS, DOCS))
                    .expectEvents(new DisputeEvidenceAdded(D, "e-1", "user-a", "P-A", "the competitor's quote",
                            AMOUNTS, DOCS, NOW));
        }

        @Test
        void canAddEvidenceAsTheRespondent() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new AddEvidence(D, "e-1", "user-b", "P-B", "our price list", null, null))
                    .expectEvents(new DisputeEvidenceAdded(D, "e-1", "user-b", "P-B", "our price list", null,
                            List.of(), NOW));
        }

        @Test
        void canAddEvidenceAsStaff() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new AddEvidence(D, "e-1", "manager-1", null, "call notes", null, DOCS))
                    .expectEvents(new DisputeEvidenceAdded(D, "e-1", "manager-1", null, "call notes", null, DOCS,
                            NOW));
        }

        @Test
        void cannotAddEvidenceAsAPartnerThatIsNotAParty() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new AddEvidence(D, "e-1", "user-c", "P-C", "me too", null, null))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotAddEvidenceToAClosedDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(new AddEvidence(D, "e-1", "user-a", "P-A", "late", null, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_CLOSED"));
        }
    }

    @Nested
    class Respondent {

        @Test
        void canLinkTheRespondentAndItsRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(link())
                    .expectEvents(linked());
        }

        @Test
        void canReplaceTheRespondentWhileNoRulingActedOnIt() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), linked(), dismissed(1, "manager-1", NOW),
                            appealed("P-A", 1, 2, DUE_2_FROM_NOW))
                    .when(new LinkRespondent(D, "P-C", null))
                    .expectEvents(new DisputeRespondentLinked(D, "P-C", null, null, NOW));
        }

        @Test
        void cannotLinkAPartnerThatIsNotInTheRegistry() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new LinkRespondent(D, "P-UNKNOWN", null))
                    .expectNoEvents()
                    .expectException(invalidField("partnerId", "PARTNER_UNKNOWN"));
        }

        @Test
        void cannotLinkARegistrationThatIsNotTheRespondents() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new LinkRespondent(D, "P-B", "r-a"))
                    .expectNoEvents()
                    .expectException(invalidField("registrationId", "NOT_RESPONDENTS_REGISTRATION"));
        }

        @Test
        void cannotLinkTheComplainantAsRespondent() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new LinkRespondent(D, "P-A", "r-a"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "RESPONDENT_IS_COMPLAINANT"));
        }

        @Test
        void cannotLinkTheSameRespondentTwice() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(link())
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_CHANGE"));
        }

        @Test
        void cannotChangeTheRespondentOnceAnUpheldRulingActedOnIt() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .andGiven(appealed("P-B", 1, 2, DUE_2_FROM_NOW))
                    .when(new LinkRespondent(D, "P-C", null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "RESPONDENT_FIXED"));
        }

        @Test
        void cannotLinkARespondentToAClosedDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), dismissed(1, "manager-1", NOW))
                    .when(link())
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_CLOSED"));
        }
    }

    // ------------------------------------------------------------------ assignment and escalation

    @Nested
    class Assignment {

        @Test
        void canAssignAsADeciderOfTheCurrentLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new AssignDispute(D, "manager-2", "manager-1", Set.of(CHANNEL_MANAGER)))
                    .expectEvents(new DisputeAssigned(D, "manager-2", 1, "manager-1", NOW))
                    .expectResultMessagePayload(1);
        }

        @Test
        void canReassignAfterAnEscalationClearedTheAssignment() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeAssigned(D, "director-1", 1, "manager-1", NOW),
                            new DisputeEscalated(D, 1, 2, null, true, DUE_2_AFTER_BREACH, DUE_1, 1, null))
                    .when(new AssignDispute(D, "director-1", "director-1", Set.of(CHANNEL_DIRECTOR)))
                    .expectEvents(new DisputeAssigned(D, "director-1", 2, "director-1", NOW));
        }

        @Test
        void canAssignInTheLevelsRoleWhenTheTokenCarriesSeveral() {
            DisputeAssigned assigned = new DisputeAssigned(D, "manager-2", 1, "boss-1", NOW);
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new AssignDispute(D, "manager-2", "boss-1", Set.of(CHANNEL_DIRECTOR, CHANNEL_MANAGER)))
                    .expectEventsMatching(exactSequenceOf(
                            predicate((EventMessage<?> event) -> event.getPayload().equals(assigned)
                                    && "CHANNEL_MANAGER".equals(event.getMetaData().get(CommandMetadata.ACTOR_ROLE))),
                            andNoMore()));
        }

        @Test
        void cannotAssignAsStaffOfAnotherLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new AssignDispute(D, "director-1", "director-1", Set.of(CHANNEL_DIRECTOR)))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL", Map.of("level", 1)));
        }

        @Test
        void cannotAssignToTheCurrentAssigneeAgain() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeAssigned(D, "manager-2", 1, "manager-1", NOW))
                    .when(new AssignDispute(D, "manager-2", "manager-1", Set.of(CHANNEL_MANAGER)))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_CHANGE"));
        }

        @Test
        void cannotAssignAClosedDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(new AssignDispute(D, "manager-2", "manager-1", Set.of(CHANNEL_MANAGER)))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_CLOSED"));
        }
    }

    @Nested
    class Escalation {

        /** Security point 8: a party escalates once per level, never two levels at once. */
        @Test
        void cannotEscalateTwoLevelsAtOnceAsTheSameParty() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 2, "biased", false, DUE_2_FROM_NOW, NOW, 1, "P-B"))
                    .when(new EscalateDispute(D, "P-B", "and higher"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ALREADY_ESCALATED", Map.of("level", 2)));
        }

        @Test
        void canEscalateTheNextLevelAsTheOtherParty() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 2, "biased", false, DUE_2_FROM_NOW, NOW, 1, "P-B"))
                    .when(new EscalateDispute(D, "P-A", "needs the committee"))
                    .expectEvents(new DisputeEscalated(D, 2, 3, "needs the committee", false, DUE_3_FROM_NOW, NOW, 1,
                            "P-A"));
        }

        /** Security point 8: suspension stops a partner from pushing disputes; defending stays open. */
        @Test
        void cannotEscalateOrOpenDisputesWhileSuspended() {
            partners.suspended("P-B").suspended("P-A");
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new EscalateDispute(D, "P-B", "unfair"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "PARTNER_SUSPENDED"));
            fixture.givenCurrentTime(NOW)
                    .when(open())
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "PARTNER_SUSPENDED"));
        }

        @Test
        void canStillAddEvidenceWhileSuspended() {
            partners.suspended("P-B");
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new AddEvidence(D, "e-1", "user-b", "P-B", "our side", null, null))
                    .expectEvents(new DisputeEvidenceAdded(D, "e-1", "user-b", "P-B", "our side", null, List.of(), NOW));
        }

        @Test
        void canEscalateOnAPartysRequestWithTheNextLevelsSla() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new EscalateDispute(D, "P-B", "level 1 is biased"))
                    .expectEvents(new DisputeEscalated(D, 1, 2, "level 1 is biased", false, DUE_2_FROM_NOW, NOW, 1, "P-B"))
                    .expectResultMessagePayload(new DisputeLevel(2, DUE_2_FROM_NOW))
                    .expectScheduledDeadline(DUE_2_FROM_NOW, new DisputeSlaDeadline(D, 2, DUE_2_FROM_NOW));
        }

        @Test
        void canEscalateAsStaffUpToTheCommittee() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeEscalated(D, 1, 2, "x", false, DUE_2_FROM_NOW, NOW, 1, null))
                    .when(new EscalateDispute(D, null, "needs the committee"))
                    .expectEvents(new DisputeEscalated(D, 2, 3, "needs the committee", false, DUE_3_FROM_NOW, NOW,
                            1, null));
        }

        @Test
        void cannotEscalateAsAPartnerThatIsNotAParty() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new EscalateDispute(D, "P-C", "curious"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotEscalateBeyondTheCommittee() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeEscalated(D, 1, 3, "x", false, DUE_3_FROM_NOW, NOW, 1, null))
                    .when(new EscalateDispute(D, "P-A", "higher"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ALREADY_AT_TOP_LEVEL"));
        }

        @Test
        void cannotEscalateAClosedDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(new EscalateDispute(D, "P-B", "unfair"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_CLOSED"));
        }

        @Test
        void canEscalateAutomaticallyToTheDirectorWhenLevelOneMissesItsSla() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open())
                    .whenThenTimeAdvancesTo(DUE_1)
                    .expectEvents(new DisputeEscalated(D, 1, 2, null, true, DUE_2_AFTER_BREACH, DUE_1, 1, null))
                    .expectScheduledDeadline(DUE_2_AFTER_BREACH, new DisputeSlaDeadline(D, 2, DUE_2_AFTER_BREACH));
        }

        @Test
        void canEscalateAutomaticallyToTheCommitteeAndStopThere() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open())
                    .whenThenTimeAdvancesTo(DUE_3_AFTER_BREACH.plus(Duration.ofDays(30)))
                    .expectEvents(new DisputeEscalated(D, 1, 2, null, true, DUE_2_AFTER_BREACH, DUE_1, 1, null),
                            new DisputeEscalated(D, 2, 3, null, true, DUE_3_AFTER_BREACH, DUE_2_AFTER_BREACH, 1, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void cannotEscalateAutomaticallyBeforeTheSlaPasses() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open())
                    .whenThenTimeAdvancesTo(DUE_1.minus(Duration.ofMinutes(1)))
                    .expectNoEvents()
                    .expectScheduledDeadline(DUE_1, new DisputeSlaDeadline(D, 1, DUE_1));
        }

        @Test
        void cannotEscalateAutomaticallyADisputeRuledInTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open(), link(), uphold(CHANNEL_MANAGER, "manager-1"))
                    .whenThenTimeAdvancesTo(DUE_1.plus(Duration.ofHours(1)))
                    .expectNoEvents();
        }

        @Test
        void cannotLetAStaleSlaDeadlineEscalateAgainAfterAManualEscalation() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open(), new EscalateDispute(D, "P-A", "urgent"))
                    .whenThenTimeAdvancesTo(DUE_1.plus(Duration.ofHours(1)))
                    .expectNoEvents()
                    .expectScheduledDeadline(DUE_2_FROM_NOW, new DisputeSlaDeadline(D, 2, DUE_2_FROM_NOW));
        }
    }

    // ------------------------------------------------------------------ ruling

    @Nested
    class Ruling {

        @Test
        void canRuleWithAStatementForThePartiesBesideTheInternalRationale() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), DISMISSED, "internal notes",
                            null, false, 0, "No undercut was shown."))
                    .expectEvents(new DisputeRuled(D, OPP, 1, DISMISSED, "internal notes", null, false, 0, "P-B",
                            "r-b", OTHER_OPP, false, null, APPEALABLE_UNTIL, "manager-1", "CHANNEL_MANAGER", NOW, 1,
                            "No undercut was shown."));
        }

        @Test
        void canUpholdWithEffectsAsTheDeciderOfTheCurrentLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(uphold(CHANNEL_MANAGER, "manager-1"))
                    .expectEvents(upheld(1, "manager-1", NOW))
                    .expectResultMessagePayload(new RulingMade(1, false, APPEALABLE_UNTIL, 1));
        }

        @Test
        void canNameTheRightfulRegistrationOfTheDisputedOpportunity() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "A was first", "r-a", false, 0, null))
                    .expectEvents(new DisputeRuled(D, OPP, 1, UPHELD, "A was first", "r-a", false, 0, null, null,
                            null, false, null, APPEALABLE_UNTIL, "manager-1", "CHANNEL_MANAGER", NOW, 1, null));
        }

        @Test
        void canDismissWithoutEffects() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), DISMISSED, "no proof", null, false, 0, null))
                    .expectEvents(dismissed(1, "manager-1", NOW));
        }

        @Test
        void canRuleAsTheDirectorOnceEscalatedToLevelTwo() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 2, null, true, DUE_2_AFTER_BREACH, DUE_1, 1, null))
                    .when(uphold(CHANNEL_DIRECTOR, "director-1"))
                    .expectEvents(upheld(2, "director-1", NOW));
        }

        @Test
        void cannotRuleAsADeciderOfAnotherLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(uphold(CHANNEL_DIRECTOR, "director-1"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL", Map.of("level", 1)));
        }

        @Test
        void cannotRuleAsAManagerOnceEscalated() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 2, null, true, DUE_2_AFTER_BREACH, DUE_1, 1, null))
                    .when(uphold(CHANNEL_MANAGER, "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL", Map.of("level", 2)));
        }

        @Test
        void cannotRuleAsAPartner() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(uphold(Role.PARTNER, "user-a"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL"));
        }

        @Test
        void cannotRuleOnAClosedDispute() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(uphold(CHANNEL_MANAGER, "manager-1"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "DISPUTE_CLOSED"));
        }

        @Test
        void cannotDismissWithEffects() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), DISMISSED, "no", null, false, 5, null))
                    .expectNoEvents()
                    .expectException(invalidField("penaltyPoints", "EFFECTS_ONLY_WHEN_UPHELD"));
        }

        @Test
        void cannotDismissNamingEveryEffectItMayNotOrder() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), DISMISSED, "no", "r-a", true, 5, null))
                    .expectNoEvents()
                    .expectException(invalidFields(Map.of(
                            "rightfulRegistrationId", "EFFECTS_ONLY_WHEN_UPHELD",
                            "revokeRespondentProtection", "EFFECTS_ONLY_WHEN_UPHELD",
                            "penaltyPoints", "EFFECTS_ONLY_WHEN_UPHELD")));
        }

        @Test
        void cannotNameARightfulRegistrationOfAnotherOpportunity() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "x", "r-b", false, 0, null))
                    .expectNoEvents()
                    .expectException(invalidField("rightfulRegistrationId", "NOT_ON_DISPUTED_OPPORTUNITY"));
        }

        @Test
        void cannotGiveNegativePenaltyPoints() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "x", null, false, -1, null))
                    .expectNoEvents()
                    .expectException(violation(INVALID, "PENALTY_NOT_POSITIVE"));
        }

        @Test
        void cannotRevokeProtectionWithoutARespondentRegistration() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeRespondentLinked(D, "P-B", null, null, NOW))
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "x", null, true, 0, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_RESPONDENT_REGISTRATION"));
        }

        @Test
        void cannotPenalizeWithoutARespondent() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "x", null, false, 10, null))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NO_RESPONDENT"));
        }

        @Test
        void cannotNameTheRevokedRegistrationRightful() {
            registrations.filed("r-b2", OPP, "P-B");
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new DisputeRespondentLinked(D, "P-B", "r-b2", OPP, NOW))
                    .when(new RuleOnDispute(D, "manager-1", Set.of(CHANNEL_MANAGER), UPHELD, "x", "r-b2", true, 0, null))
                    .expectNoEvents()
                    .expectException(violation(INVALID, "CONTRADICTORY_EFFECTS"));
        }
    }

    // ------------------------------------------------------------------ appeal

    @Nested
    class Appeal {

        @Test
        void canAppealWithinTheWindowOneLevelUpWithThatLevelsSla() {
            Instant later = NOW.plus(Duration.ofDays(1));
            Instant dueAt = Instant.parse("2026-11-25T09:00:00Z");
            fixture.givenCurrentTime(later)
                    .andGiven(upheldAtLevelOne())
                    .when(new AppealRuling(D, "P-B", "unfair"))
                    .expectEvents(new DisputeAppealed(D, "P-B", "unfair", 1, 2, dueAt, later, 1))
                    .expectResultMessagePayload(new DisputeLevel(2, dueAt))
                    .expectScheduledDeadline(dueAt, new DisputeSlaDeadline(D, 2, dueAt));
        }

        @Test
        void canStillAppealARulingAgainstItWhileSuspended() {
            partners.suspended("P-B");
            Instant later = NOW.plus(Duration.ofDays(1));
            Instant dueAt = Instant.parse("2026-11-25T09:00:00Z");
            fixture.givenCurrentTime(later)
                    .andGiven(upheldAtLevelOne())
                    .when(new AppealRuling(D, "P-B", "unfair"))
                    .expectEvents(new DisputeAppealed(D, "P-B", "unfair", 1, 2, dueAt, later, 1));
        }

        @Test
        void canAppealAsTheComplainantOnTheLastDayOfTheWindow() {
            fixture.givenCurrentTime(APPEALABLE_UNTIL)
                    .andGiven(opened(), linked(), dismissed(1, "manager-1", NOW))
                    .when(new AppealRuling(D, "P-A", "evidence ignored"))
                    .expectEvents(new DisputeAppealed(D, "P-A", "evidence ignored", 1, 2,
                            Instant.parse("2026-12-02T09:00:00Z"), APPEALABLE_UNTIL, 1));
        }

        @Test
        void canAppealFromTheCommitteeToANewCommitteePanel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 3, "x", false, DUE_3_FROM_NOW, NOW, 1, null),
                            upheld(3, "committee-1", NOW))
                    .when(new AppealRuling(D, "P-B", "unfair"))
                    .expectEvents(new DisputeAppealed(D, "P-B", "unfair", 3, 3, DUE_3_FROM_NOW, NOW, 1));
        }

        @Test
        void cannotAppealAfterTheWindow() {
            fixture.givenCurrentTime(APPEALABLE_UNTIL.plusSeconds(1))
                    .andGiven(upheldAtLevelOne())
                    .when(new AppealRuling(D, "P-B", "late"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "APPEAL_WINDOW_CLOSED",
                            Map.of("appealableUntil", APPEALABLE_UNTIL.toString())));
        }

        @Test
        void cannotAppealBeforeARuling() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .when(new AppealRuling(D, "P-B", "pre-emptive"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "NOT_RULED_YET"));
        }

        @Test
        void cannotAppealWhileTheAppealIsPending() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .andGiven(appealed("P-B", 1, 2, DUE_2_FROM_NOW))
                    .when(new AppealRuling(D, "P-A", "me too"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ALREADY_APPEALED"));
        }

        @Test
        void cannotAppealTheAppealDecision() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open(), link(), uphold(CHANNEL_MANAGER, "manager-1"),
                            new AppealRuling(D, "P-B", "unfair"), uphold(CHANNEL_DIRECTOR, "director-1"))
                    .when(new AppealRuling(D, "P-B", "again"))
                    .expectNoEvents()
                    .expectException(violation(CONFLICT, "ALREADY_APPEALED"));
        }

        @Test
        void cannotAppealAsAPartnerThatIsNotAParty() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(new AppealRuling(D, "P-C", "curious"))
                    .expectNoEvents()
                    .expectException(violation(NOT_FOUND, "NOT_FOUND"));
        }

        @Test
        void cannotAppealAsStaff() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .when(new AppealRuling(D, null, "second thoughts"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "ONLY_PARTIES_APPEAL"));
        }

        @Test
        void canReverseTheEffectsOnAppealOneLevelUp() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .andGiven(appealed("P-B", 1, 2, DUE_2_FROM_NOW))
                    .when(new RuleOnDispute(D, "director-1", Set.of(CHANNEL_DIRECTOR), DISMISSED, "no proof after all", null,
                            false, 0, null))
                    .expectEvents(new DisputeRuled(D, OPP, 2, DISMISSED, "no proof after all", null, false, 0, "P-B",
                            "r-b", OTHER_OPP, true, new RulingEffects(null, true, 10), null, "director-1",
                            "CHANNEL_DIRECTOR", NOW, 1, null))
                    .expectResultMessagePayload(new RulingMade(2, true, null, 1));
        }

        @Test
        void canConfirmTheEffectsOnAppeal() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .andGiven(appealed("P-B", 1, 2, DUE_2_FROM_NOW))
                    .when(uphold(CHANNEL_DIRECTOR, "director-1"))
                    .expectEvents(new DisputeRuled(D, OPP, 2, UPHELD, "dumping proven", null, true, 10, "P-B", "r-b",
                            OTHER_OPP, true, new RulingEffects(null, true, 10), null, "director-1",
                            "CHANNEL_DIRECTOR", NOW, 1, null));
        }

        @Test
        void cannotDecideAnAppealAtTheLevelThatRuled() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(upheldAtLevelOne())
                    .andGiven(appealed("P-B", 1, 2, DUE_2_FROM_NOW))
                    .when(uphold(CHANNEL_MANAGER, "manager-2"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "NOT_DECIDER_OF_LEVEL", Map.of("level", 2)));
        }

        @Test
        void cannotDecideACommitteeAppealWithTheSamePanel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 3, "x", false, DUE_3_FROM_NOW, NOW, 1, null),
                            upheld(3, "committee-1", NOW), appealed("P-B", 3, 3, DUE_3_FROM_NOW))
                    .when(uphold(ARBITRATION_COMMITTEE, "committee-1"))
                    .expectNoEvents()
                    .expectException(violation(FORBIDDEN, "APPEAL_NEEDS_NEW_PANEL"));
        }

        @Test
        void canDecideACommitteeAppealWithANewPanel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(openWithRespondent())
                    .andGiven(new DisputeEscalated(D, 1, 3, "x", false, DUE_3_FROM_NOW, NOW, 1, null),
                            upheld(3, "committee-1", NOW), appealed("P-B", 3, 3, DUE_3_FROM_NOW))
                    .when(new RuleOnDispute(D, "committee-2", Set.of(ARBITRATION_COMMITTEE), UPHELD, "confirmed", null, false,
                            5, null))
                    .expectEvents(new DisputeRuled(D, OPP, 3, UPHELD, "confirmed", null, false, 5, "P-B", "r-b",
                            OTHER_OPP, true, new RulingEffects(null, true, 10), null, "committee-2",
                            "ARBITRATION_COMMITTEE", NOW, 1, null));
        }

        @Test
        void canEscalateAnAppealAutomaticallyWhenItsSlaPasses() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(open(), link(), uphold(CHANNEL_MANAGER, "manager-1"),
                            new AppealRuling(D, "P-B", "unfair"))
                    .whenThenTimeAdvancesTo(DUE_2_FROM_NOW)
                    .expectEvents(new DisputeEscalated(D, 2, 3, null, true, Instant.parse("2026-12-01T09:00:00Z"),
                            DUE_2_FROM_NOW, 1, null));
        }
    }
}

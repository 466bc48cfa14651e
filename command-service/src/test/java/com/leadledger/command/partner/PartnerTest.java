package com.leadledger.command.partner;

import com.leadledger.command.policy.TestPolicies;
import com.leadledger.command.program.ProgramFacts;
import com.leadledger.events.common.Money;
import com.leadledger.events.partner.PartnerContactsChanged;
import com.leadledger.events.partner.PartnerOnboarded;
import com.leadledger.events.partner.PartnerPenalized;
import com.leadledger.events.partner.PartnerPenaltyReversed;
import com.leadledger.events.partner.PartnerProductLinesChanged;
import com.leadledger.events.partner.PartnerReinstated;
import com.leadledger.events.partner.PartnerSuspended;
import com.leadledger.events.partner.PartnerTier;
import com.leadledger.events.partner.PartnerTierChanged;
import com.leadledger.events.policy.PolicyDocument;
import com.leadledger.events.program.SpecialistCertificationWithdrawn;
import com.leadledger.events.program.SpecialistCertified;
import com.leadledger.events.program.TierQualificationEvaluated;
import org.axonframework.modelling.command.AggregateNotFoundException;
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

import static com.leadledger.command.common.RuleViolations.invalidField;
import static com.leadledger.command.common.RuleViolations.invalidFields;
import static com.leadledger.command.common.RuleViolations.violation;
import static com.leadledger.kit.domain.RuleViolation.Kind.CONFLICT;
import static com.leadledger.kit.domain.RuleViolation.Kind.INVALID;

class PartnerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final List<String> LINES = List.of("DATA_CENTER", "NETWORK_SECURITY");
    private static final PartnerOnboarded ONBOARDED =
            new PartnerOnboarded("P-1", "Alpha", PartnerTier.GOLD, LINES, null, NOW);

    private static final LocalDate FROM = LocalDate.parse("2026-09-01");
    private static final LocalDate UNTIL = LocalDate.parse("2028-08-31");
    private static final SpecialistCertified CERTIFIED =
            new SpecialistCertified("P-1", "c-1", "NETWORK_SECURITY", "Irina Petrova", FROM, UNTIL, NOW);

    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new TestPolicies());
    }

    @Test
    void aPartnerReplacesItsOwnContactsNormalizedAndTheSameListAgainRecordsNothing() {
        var contacts = List.of(new ChangePartnerContacts.Contact(" sales@alpha.example ", "RU"),
                new ChangePartnerContacts.Contact("ceo@alpha.example", "en"));
        PartnerContactsChanged changed = new PartnerContactsChanged("P-1", List.of(
                new PartnerContactsChanged.Contact("sales@alpha.example", "ru"),
                new PartnerContactsChanged.Contact("ceo@alpha.example", "en")), NOW);
        fixture.given(ONBOARDED)
                .when(new ChangePartnerContacts("P-1", "P-1", contacts))
                .expectEvents(changed);
        fixture.given(ONBOARDED, changed)
                .when(new ChangePartnerContacts("P-1", null, contacts))
                .expectNoEvents();
        fixture.given(ONBOARDED, changed)
                .when(new ChangePartnerContacts("P-1", null, List.of()))
                .expectEvents(new PartnerContactsChanged("P-1", List.of(), NOW));
    }

    @Test
    void anotherPartnersContactsAreNotFound() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerContacts("P-1", "P-2", List.of()))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void refusesContactsNamingEveryFailingField() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerContacts("P-1", null, List.of(
                        new ChangePartnerContacts.Contact("Sales <sales@alpha.example>", "ru"),
                        new ChangePartnerContacts.Contact("ceo@alpha.example", "de"),
                        new ChangePartnerContacts.Contact("CEO@alpha.example", "en"))))
                .expectNoEvents()
                .expectException(invalidFields(Map.of("contacts[0].email", "CONTACT_EMAIL_INVALID",
                        "contacts[1].language", "CONTACT_LANGUAGE_UNSUPPORTED",
                        "contacts[2].email", "CONTACT_EMAIL_REPEATED")));
    }

    @Test
    void canOnboardAPartner() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner("P-1", "Alpha", PartnerTier.GOLD, LINES, null))
                .expectEvents(ONBOARDED);
    }

    @Test
    void canOnboardWithProductLinesSortedWithoutRepeatsAndAWebhook() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner("P-1", "Alpha", PartnerTier.GOLD,
                        List.of("NETWORK_SECURITY", "DATA_CENTER", "NETWORK_SECURITY"), "https://crm.alpha.example/h"))
                .expectEvents(new PartnerOnboarded("P-1", "Alpha", PartnerTier.GOLD, LINES,
                        "https://crm.alpha.example/h", NOW));
    }

    @Test
    void cannotOnboardWithAProductLineThePolicyDoesNotOffer() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner("P-1", "Alpha", PartnerTier.GOLD, List.of("NETWORK_SECURITY", "TOASTERS"),
                        null))
                .expectNoEvents()
                .expectException(invalidField("productLines", "PRODUCT_LINE_UNKNOWN"));
    }

    @Test
    void cannotOnboardWithAWebhookThatIsNoHttpUrl() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner("P-1", "Alpha", PartnerTier.GOLD, LINES, "ftp://crm.alpha.example"))
                .expectNoEvents()
                .expectException(invalidField("webhookUrl", "INVALID"));
    }

    @Test
    void cannotAuthorizeAProductLineThePolicyDoesNotOffer() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerProductLines("P-1", List.of("TOASTERS")))
                .expectNoEvents()
                .expectException(invalidField("productLines", "PRODUCT_LINE_UNKNOWN"));
    }

    @Test
    void cannotOnboardTheSamePartnerTwice() {
        fixture.given(ONBOARDED)
                .when(new OnboardPartner("P-1", "Alpha again", PartnerTier.SILVER, LINES, null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "PARTNER_EXISTS"));
    }

    @Test
    void canChangeTheTier() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerTier("P-1", PartnerTier.PLATINUM))
                .expectEvents(new PartnerTierChanged("P-1", PartnerTier.GOLD, PartnerTier.PLATINUM, NOW));
    }

    @Test
    void cannotChangeTheTierToTheSameTier() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerTier("P-1", PartnerTier.GOLD))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "NO_CHANGE"));
    }

    @Test
    void cannotOnboardWithATierThePolicyInForceDoesNotDefine() {
        fixture.givenNoPriorActivity()
                .when(new OnboardPartner("P-1", "Alpha", PartnerTier.of("DIAMOND"), LINES, null))
                .expectNoEvents()
                .expectException(invalidField("tier", "TIER_UNKNOWN"));
    }

    @Test
    void cannotChangeToATierThePolicyInForceDoesNotDefine() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerTier("P-1", PartnerTier.of("DIAMOND")))
                .expectNoEvents()
                .expectException(invalidField("tier", "TIER_UNKNOWN"));
    }

    @Test
    void canChangeToATierANewPolicyVersionAdded() {
        TestPolicies policies = new TestPolicies();
        PolicyDocument current = policies.inForce().policy();
        TreeMap<String, PolicyDocument.TierRule> tiers = new TreeMap<>(current.tiers());
        tiers.put("DIAMOND", new PolicyDocument.TierRule(150, new BigDecimal("25"), 4, null, null));
        policies.publish(new PolicyDocument(current.productLines(), tiers, current.reviewSlaBusinessDays(),
                current.disputeSlaBusinessDays(), current.extension(), current.appealWindowDays(),
                current.maxCloseDateMonths(), current.calendar(), current.limits(),
                current.expiryReminderBusinessDays(), current.earlyRegistrationDropThreshold(), current.program()));
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(policies);

        fixture.given(ONBOARDED)
                .when(new ChangePartnerTier("P-1", PartnerTier.of("DIAMOND")))
                .expectEvents(new PartnerTierChanged("P-1", PartnerTier.GOLD, PartnerTier.of("DIAMOND"), NOW));
    }

    @Test
    void canCertifyASpecialistForAProductLineOfThePolicy() {
        fixture.given(ONBOARDED)
                .when(new CertifySpecialist("P-1", "c-1", "NETWORK_SECURITY", "Irina Petrova", FROM, UNTIL))
                .expectEvents(CERTIFIED);
    }

    @Test
    void cannotCertifyForAnUnknownLineOrWithAPeriodEndingBeforeItStarts() {
        fixture.given(ONBOARDED)
                .when(new CertifySpecialist("P-1", "c-1", "TOASTERS", "Irina Petrova", FROM, UNTIL))
                .expectNoEvents()
                .expectException(invalidField("productLine", "PRODUCT_LINE_UNKNOWN"));
        fixture.given(ONBOARDED)
                .when(new CertifySpecialist("P-1", "c-1", "NETWORK_SECURITY", "Irina Petrova", UNTIL, FROM))
                .expectNoEvents()
                .expectException(invalidField("validUntil", "CERTIFICATION_PERIOD_INVALID"));
    }

    @Test
    void cannotRecordTheSameCertificationTwice() {
        fixture.given(ONBOARDED, CERTIFIED)
                .when(new CertifySpecialist("P-1", "c-1", "NETWORK_SECURITY", "Irina Petrova", FROM, UNTIL))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "CERTIFICATION_EXISTS"));
    }

    @Test
    void canWithdrawACertificationOnceAndNotAnUnknownOne() {
        SpecialistCertificationWithdrawn withdrawn = new SpecialistCertificationWithdrawn("P-1", "c-1", "left", NOW);
        fixture.given(ONBOARDED, CERTIFIED)
                .when(new WithdrawCertification("P-1", "c-1", "left"))
                .expectEvents(withdrawn);
        fixture.given(ONBOARDED, CERTIFIED, withdrawn)
                .when(new WithdrawCertification("P-1", "c-1", "again"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "CERTIFICATION_WITHDRAWN"));
        fixture.given(ONBOARDED)
                .when(new WithdrawCertification("P-1", "c-404", null))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
    }

    // ------------------------------------------------------------------ qualification and confirmation

    private static final Instant YEAR_AGO = Instant.parse("2025-11-22T09:00:00Z");
    private static final PartnerTierChanged SILVER = new PartnerTierChanged("P-1", PartnerTier.GOLD, PartnerTier.SILVER,
            YEAR_AGO);

    /**
     * Won: RUB 15 000 000 and USD 100 000 (RUB 9 000 000 at the default policy's rate 90); 4 of 10 registered early
     * (60 calendar days before close, the default policy's minimum; the other 6 a day short of it).
     */
    private final ProgramFacts facts = new ProgramFacts() {
        @Override
        public List<Deal> submittedBy(String partnerId, Instant from, Instant to) {
            return java.util.stream.IntStream.range(0, 10).mapToObj(i -> new Deal("r-" + i, partnerId,
                    "NETWORK_SECURITY", LocalDate.parse("2026-06-01").plusDays(i < 4 ? 60 : 59),
                    Instant.parse("2026-06-01T10:00:00Z"), null, null)).toList();
        }

        @Override
        public List<Deal> wonBy(String partnerId, Instant from, Instant to) {
            return List.of(new Deal("r-0", partnerId, "NETWORK_SECURITY", LocalDate.parse("2026-07-02"),
                            Instant.parse("2026-06-01T10:00:00Z"), Money.of("15000000.00", "RUB"), to.minusSeconds(60)),
                    new Deal("r-1", partnerId, "DATA_CENTER", LocalDate.parse("2026-07-03"),
                            Instant.parse("2026-06-01T10:00:00Z"), Money.of("100000.00", "USD"), from));
        }
    };

    private TierQualificationEvaluated evaluated(String proposed, Map<String, Integer> specialists) {
        return new TierQualificationEvaluated("P-1", "e-1", "run-1", LocalDate.parse("2026-11-22"), YEAR_AGO, NOW, 1,
                "RUB", new TreeMap<>(Map.of("RUB", new BigDecimal("15000000.00"), "USD", new BigDecimal("100000.00"))),
                new BigDecimal("24000000.00"), new TreeMap<>(specialists), 0, 10, 4, new BigDecimal("0.4000"),
                "SILVER", proposed, NOW);
    }

    @Test
    void canEvaluateTheHighestTierWhoseEveryRuleThePartnerMeets() {
        fixture.registerInjectableResource(facts);
        SpecialistCertified second = new SpecialistCertified("P-1", "c-2", "NETWORK_SECURITY", "Oleg Sidorov", FROM,
                UNTIL, NOW);
        SpecialistCertified expired = new SpecialistCertified("P-1", "c-3", "NETWORK_SECURITY", "Anna Ivanova", FROM,
                LocalDate.parse("2026-11-21"), NOW);
        fixture.given(ONBOARDED, SILVER, CERTIFIED, second, expired)
                .when(new EvaluateTierQualification("P-1", "e-1", "run-1", NOW))
                .expectEvents(evaluated("GOLD", Map.of("NETWORK_SECURITY", 2)));
    }

    @Test
    void canProposeALowerTierWhenAWithdrawnCertificationNoLongerCounts() {
        fixture.registerInjectableResource(facts);
        SpecialistCertified second = new SpecialistCertified("P-1", "c-2", "NETWORK_SECURITY", "Oleg Sidorov", FROM,
                UNTIL, NOW);
        fixture.given(ONBOARDED, SILVER, CERTIFIED, second,
                        new SpecialistCertificationWithdrawn("P-1", "c-2", "left", NOW))
                .when(new EvaluateTierQualification("P-1", "e-1", "run-1", NOW))
                .expectEvents(evaluated("SILVER", Map.of("NETWORK_SECURITY", 1)));
    }

    @Test
    void canConfirmTheProposedTierWhichThenTakesEffect() {
        fixture.given(ONBOARDED, SILVER, evaluated("GOLD", Map.of("NETWORK_SECURITY", 2)))
                .when(new ConfirmTierProposal("P-1", "e-1", null, null))
                .expectEvents(new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.GOLD, NOW, "e-1", null));
    }

    @Test
    void cannotConfirmAnotherTierThanProposedWithoutAWrittenJustification() {
        fixture.given(ONBOARDED, SILVER, evaluated("GOLD", Map.of("NETWORK_SECURITY", 2)))
                .when(new ConfirmTierProposal("P-1", "e-1", PartnerTier.PLATINUM, "  "))
                .expectNoEvents()
                .expectException(invalidField("justification", "JUSTIFICATION_REQUIRED"));
        fixture.given(ONBOARDED, SILVER, evaluated("GOLD", Map.of("NETWORK_SECURITY", 2)))
                .when(new ConfirmTierProposal("P-1", "e-1", PartnerTier.PLATINUM, "Strategic account"))
                .expectEvents(new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.PLATINUM, NOW, "e-1",
                        "Strategic account"));
    }

    @Test
    void cannotConfirmAnUnknownOrAlreadyConfirmedEvaluationOrATierOutsideThePolicy() {
        TierQualificationEvaluated evaluation = evaluated("GOLD", Map.of("NETWORK_SECURITY", 2));
        fixture.given(ONBOARDED, SILVER, evaluation)
                .when(new ConfirmTierProposal("P-1", "e-404", null, null))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
        fixture.given(ONBOARDED, SILVER, evaluation,
                        new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.GOLD, NOW, "e-1", null))
                .when(new ConfirmTierProposal("P-1", "e-1", null, null))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
        fixture.given(ONBOARDED, SILVER, evaluation)
                .when(new ConfirmTierProposal("P-1", "e-1", PartnerTier.of("DIAMOND"), "why not"))
                .expectNoEvents()
                .expectException(invalidField("tier", "TIER_UNKNOWN"));
    }

    @Test
    void cannotConfirmAProposalSettledByAManualTierChangeOrASuspension() {
        TierQualificationEvaluated evaluation = evaluated("GOLD", Map.of("NETWORK_SECURITY", 2));
        fixture.given(ONBOARDED, SILVER, evaluation,
                        new PartnerTierChanged("P-1", PartnerTier.SILVER, PartnerTier.PLATINUM, NOW))
                .when(new ConfirmTierProposal("P-1", "e-1", null, null))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
        fixture.given(ONBOARDED, SILVER, evaluation, new PartnerSuspended("P-1", "audit", NOW))
                .when(new ConfirmTierProposal("P-1", "e-1", null, null))
                .expectNoEvents()
                .expectException(violation(com.leadledger.kit.domain.RuleViolation.Kind.NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void cannotChangeAnUnknownPartner() {
        fixture.givenNoPriorActivity()
                .when(new ChangePartnerTier("P-404", PartnerTier.GOLD))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void canChangeTheAuthorizedProductLines() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerProductLines("P-1", List.of("COLLABORATION")))
                .expectEvents(new PartnerProductLinesChanged("P-1", List.of("COLLABORATION"), NOW));
    }

    @Test
    void cannotChangeTheProductLinesToTheSameLines() {
        fixture.given(ONBOARDED)
                .when(new ChangePartnerProductLines("P-1", LINES))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "NO_CHANGE"));
    }

    @Test
    void canSuspendAndReinstate() {
        fixture.given(ONBOARDED)
                .when(new SuspendPartner("P-1", "fraud investigation"))
                .expectEvents(new PartnerSuspended("P-1", "fraud investigation", NOW));
        fixture.given(ONBOARDED, new PartnerSuspended("P-1", "x", NOW))
                .when(new ReinstatePartner("P-1", "cleared"))
                .expectEvents(new PartnerReinstated("P-1", "cleared", NOW));
    }

    @Test
    void cannotSuspendASuspendedPartner() {
        fixture.given(ONBOARDED, new PartnerSuspended("P-1", "x", NOW))
                .when(new SuspendPartner("P-1", "again"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "PARTNER_SUSPENDED"));
    }

    @Test
    void cannotReinstateAnActivePartner() {
        fixture.given(ONBOARDED)
                .when(new ReinstatePartner("P-1", null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "PARTNER_ACTIVE"));
    }

    @Test
    void canPenalizeForAnUpheldDispute() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-0", 3, 3, NOW))
                .when(new PenalizePartner("P-1", "d-1", 10))
                .expectEvents(new PartnerPenalized("P-1", "d-1", 10, 13, NOW));
    }

    @Test
    void cannotPenalizeTwiceForTheSameDispute() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-1", 10, 10, NOW))
                .when(new PenalizePartner("P-1", "d-1", 10))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canReplaceTheDisputesPenaltyWhenAnAppealChangedItsPoints() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-1", 10, 10, NOW))
                .when(new PenalizePartner("P-1", "d-1", 4))
                .expectEvents(new PartnerPenaltyReversed("P-1", "d-1", 10, 0, NOW),
                        new PartnerPenalized("P-1", "d-1", 4, 4, NOW));
    }

    @Test
    void cannotPenalizeWithoutPoints() {
        fixture.given(ONBOARDED)
                .when(new PenalizePartner("P-1", "d-1", 0))
                .expectNoEvents()
                .expectException(violation(INVALID, "PENALTY_NOT_POSITIVE"));
    }

    @Test
    void canReverseTheDisputesPenalty() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-0", 3, 3, NOW),
                        new PartnerPenalized("P-1", "d-1", 10, 13, NOW))
                .when(new ReversePenalty("P-1", "d-1"))
                .expectEvents(new PartnerPenaltyReversed("P-1", "d-1", 10, 3, NOW));
    }

    @Test
    void cannotReverseAPenaltyTwice() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-1", 10, 10, NOW),
                        new PartnerPenaltyReversed("P-1", "d-1", 10, 0, NOW))
                .when(new ReversePenalty("P-1", "d-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canPenalizeAgainForADisputeWhosePenaltyWasReversed() {
        fixture.given(ONBOARDED, new PartnerPenalized("P-1", "d-1", 10, 10, NOW),
                        new PartnerPenaltyReversed("P-1", "d-1", 10, 0, NOW))
                .when(new PenalizePartner("P-1", "d-1", 10))
                .expectEvents(new PartnerPenalized("P-1", "d-1", 10, 10, NOW));
    }
}

package com.leadledger.command.opportunity;

import com.leadledger.events.common.Money;
import com.leadledger.events.customer.CustomerIdentity;
import com.leadledger.events.customer.CustomerKey;
import com.leadledger.events.opportunity.OpportunityIds;
import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static com.leadledger.command.common.RuleViolation.Kind.CONFLICT;
import static com.leadledger.command.common.RuleViolation.Kind.NOT_FOUND;
import static com.leadledger.command.common.RuleViolations.violation;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

class OpportunityTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final CustomerIdentity CUSTOMER =
            new CustomerIdentity("ООО «Ромашка»", "RU", "RU:7707083893", "romashka.ru", null);
    private static final CustomerKey KEY = CUSTOMER.key();
    private static final String LINE = "NETWORK_SECURITY";
    private static final String OPP = OpportunityIds.idFor(KEY, LINE);
    private static final Money VALUE = Money.of("1250000.00", "RUB");
    private static final LocalDate CLOSE = LocalDate.parse("2027-03-31");

    private AggregateTestFixture<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SubmitRegistration submit(String registrationId, String partnerId) {
        return new SubmitRegistration(OPP, registrationId, partnerId, CUSTOMER, LINE, VALUE, CLOSE, "Firewalls", 1);
    }

    private static RegistrationSubmitted submitted(String registrationId, String partnerId, int position) {
        return new RegistrationSubmitted(OPP, registrationId, partnerId, position, CUSTOMER, KEY, LINE, VALUE, CLOSE,
                "Firewalls", NOW, 1);
    }

    private static OpportunityOpened opened() {
        return new OpportunityOpened(OPP, KEY, LINE, NOW);
    }

    @Test
    void canOpenTheOpportunityWithTheFirstRegistration() {
        fixture.givenNoPriorActivity()
                .when(submit("r-1", "P-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(), submitted("r-1", "P-1", 1))
                .expectResultMessagePayload(new RegistrationAccepted("r-1", OPP, NOW));
    }

    @Test
    void canRankLaterRegistrationsOfOtherPartnersBehindEarlierOnes() {
        fixture.given(opened(), submitted("r-1", "P-1", 1), submitted("r-2", "P-2", 2))
                .when(submit("r-3", "P-3"))
                .expectEvents(submitted("r-3", "P-3", 3));
    }

    @Test
    void canKeepPositionsGaplessAfterAWithdrawal() {
        fixture.given(opened(), submitted("r-1", "P-1", 1),
                        new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW))
                .when(submit("r-2", "P-2"))
                .expectEvents(submitted("r-2", "P-2", 2));
    }

    @Test
    void canRegisterAgainAfterWithdrawingTheEarlierRegistration() {
        fixture.given(opened(), submitted("r-1", "P-1", 1),
                        new RegistrationWithdrawn(OPP, "r-1", "P-1", "customer postponed", NOW))
                .when(submit("r-2", "P-1"))
                .expectEvents(submitted("r-2", "P-1", 2));
    }

    @Test
    void cannotRegisterTwiceWhileTheFirstRegistrationIsActive() {
        fixture.given(opened(), submitted("r-1", "P-1", 1))
                .when(submit("r-2", "P-1"))
                .expectNoEvents()
                .expectExceptionMessage("You already have an active registration for this opportunity.")
                .expectException(violation(CONFLICT, "ACTIVE_REGISTRATION_EXISTS", Map.of("registrationId", "r-1")));
    }

    @Test
    void cannotLearnAboutOtherPartnersFromTheDuplicateRefusal() {
        fixture.given(opened(), submitted("r-1", "P-1", 1), submitted("r-2", "P-2", 2))
                .when(submit("r-3", "P-2"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACTIVE_REGISTRATION_EXISTS", Map.of("registrationId", "r-2")))
                .expectExceptionMessage(not(anyOf(containsString("P-1"), containsString("r-1"))));
    }

    @Test
    void cannotReuseARegistrationId() {
        fixture.given(opened(), submitted("r-1", "P-1", 1))
                .when(submit("r-1", "P-2"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "REGISTRATION_ID_TAKEN"));
    }

    @Test
    void canWithdrawOwnActiveRegistration() {
        fixture.given(opened(), submitted("r-1", "P-1", 1))
                .when(new WithdrawRegistration(OPP, "r-1", "P-1", "lost interest"))
                .expectEvents(new RegistrationWithdrawn(OPP, "r-1", "P-1", "lost interest", NOW));
    }

    @Test
    void cannotWithdrawAnotherPartnersRegistration() {
        fixture.given(opened(), submitted("r-1", "P-1", 1))
                .when(new WithdrawRegistration(OPP, "r-1", "P-2", null))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void cannotWithdrawAnUnknownRegistration() {
        fixture.given(opened(), submitted("r-1", "P-1", 1))
                .when(new WithdrawRegistration(OPP, "r-404", "P-1", null))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "NOT_FOUND"));
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(opened(), submitted("r-1", "P-1", 1), new RegistrationWithdrawn(OPP, "r-1", "P-1", null, NOW))
                .when(new WithdrawRegistration(OPP, "r-1", "P-1", null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "REGISTRATION_NOT_ACTIVE"));
    }
}

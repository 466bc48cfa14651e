package com.leadledger.query.registration;

import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.UndecodableRecordException;
import com.leadledger.query.projection.ViewDocuments;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationViewTest {

    static final Instant ACCEPTED = Instant.parse("2030-05-04T10:15:30.123Z");
    static final RegistrationSubmitted SUBMITTED = Fixtures.submitted("opp-1", "P-1", 2, ACCEPTED);

    @Test
    void aSubmittedRegistrationStartsAsSubmittedWithEverythingTheEventSaid() {
        RegistrationView view = RegistrationView.from(SUBMITTED);

        assertThat(view.registrationId()).isEqualTo(SUBMITTED.registrationId());
        assertThat(view.opportunityId()).isEqualTo("opp-1");
        assertThat(view.partnerId()).isEqualTo("P-1");
        assertThat(view.position()).isEqualTo(2);
        assertThat(view.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(view.isActive()).isTrue();
        assertThat(view.customer()).isEqualTo(SUBMITTED.customer());
        assertThat(view.customerKey()).isEqualTo("RU:7707083893");
        assertThat(view.productLine()).isEqualTo("NETWORK_SECURITY");
        assertThat(view.estimatedValue().amount()).isEqualByComparingTo(new BigDecimal("1250000.00"));
        assertThat(view.estimatedValue().currency()).isEqualTo("RUB");
        assertThat(view.expectedCloseDate()).isEqualTo(SUBMITTED.expectedCloseDate());
        assertThat(view.description()).isEqualTo(SUBMITTED.description());
        assertThat(view.acceptedAt()).isEqualTo(ACCEPTED);
        assertThat(view.policyVersion()).isEqualTo(1);
        assertThat(view.withdrawnAt()).isNull();
        assertThat(view.lastEventId()).isNull();
    }

    @Test
    void withdrawalEndsTheRegistrationAndLeavesTheOldStateUntouched() {
        RegistrationView submitted = RegistrationView.from(SUBMITTED);
        Instant at = ACCEPTED.plusSeconds(3600);

        RegistrationView withdrawn = submitted.apply(new RegistrationWithdrawn("opp-1",
                SUBMITTED.registrationId(), "P-1", "customer postponed", at));

        assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(withdrawn.isActive()).isFalse();
        assertThat(withdrawn.withdrawnAt()).isEqualTo(at);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("customer postponed");
        assertThat(withdrawn.position()).isEqualTo(2);
        assertThat(withdrawn.acceptedAt()).isEqualTo(ACCEPTED);
        assertThat(submitted.status()).isEqualTo(RegistrationStatus.SUBMITTED);
    }

    @Test
    void theProjectorRoutesEventsToTransitionsAndStampsTheLastEvent() {
        Projector<RegistrationView> projector = RegistrationView.PROJECTOR;
        EventRef first = Fixtures.ref(SUBMITTED, ACCEPTED);

        RegistrationView created = projector.apply(null, SUBMITTED, first);

        assertThat(projector.viewIdOf(SUBMITTED)).contains(SUBMITTED.registrationId());
        assertThat(created.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(created.lastEventId()).isEqualTo(first.eventId());
        assertThat(created.updatedAt()).isEqualTo(ACCEPTED);

        RegistrationWithdrawn withdrawal = new RegistrationWithdrawn("opp-1", SUBMITTED.registrationId(), "P-1",
                null, ACCEPTED.plusSeconds(5));
        EventRef second = Fixtures.ref(withdrawal, ACCEPTED.plusSeconds(6));
        RegistrationView withdrawn = projector.apply(created, withdrawal, second);

        assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(withdrawn.lastEventId()).isEqualTo(second.eventId());
        assertThat(withdrawn.updatedAt()).isEqualTo(ACCEPTED.plusSeconds(6));
    }

    @Test
    void foldingTheHistoryGivesTheSameViewsAsTheLiveProjection() {
        RegistrationSubmitted other = Fixtures.submitted("opp-1", "P-2", 3, ACCEPTED.plusSeconds(30));
        RegistrationWithdrawn withdrawal = new RegistrationWithdrawn("opp-1", SUBMITTED.registrationId(), "P-1",
                "lost interest", ACCEPTED.plusSeconds(60));
        OpportunityOpened opened = new OpportunityOpened("opp-1", SUBMITTED.customerKey(), "NETWORK_SECURITY",
                ACCEPTED.minusSeconds(1));
        EventRef r0 = Fixtures.ref(opened, ACCEPTED.minusSeconds(1));
        EventRef r1 = Fixtures.ref(SUBMITTED, ACCEPTED);
        EventRef r2 = Fixtures.ref(other, ACCEPTED.plusSeconds(30));
        EventRef r3 = Fixtures.ref(withdrawal, ACCEPTED.plusSeconds(61));
        List<Projector.Step> history = List.of(new Projector.Step(opened, r0), new Projector.Step(SUBMITTED, r1),
                new Projector.Step(other, r2), new Projector.Step(withdrawal, r3));

        RegistrationView stepByStep = RegistrationView.PROJECTOR.apply(
                RegistrationView.PROJECTOR.apply(null, SUBMITTED, r1), withdrawal, r3);
        RegistrationView folded = RegistrationView.PROJECTOR.fold(SUBMITTED.registrationId(), history);
        Map<String, RegistrationView> all = RegistrationView.PROJECTOR.foldAll(history);

        assertThat(folded).isEqualTo(stepByStep);
        assertThat(folded.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(all.keySet()).containsExactly(SUBMITTED.registrationId(), other.registrationId());
        assertThat(all.get(SUBMITTED.registrationId())).isEqualTo(stepByStep);
        assertThat(all.get(other.registrationId()).status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(RegistrationView.PROJECTOR.fold(other.registrationId(), history.subList(0, 2))).isNull();
    }

    @Test
    void eventsItDoesNotKnowAndUpdatesOfMissingViewsChangeNothing() {
        RegistrationView view = RegistrationView.PROJECTOR.apply(null, SUBMITTED, Fixtures.ref(SUBMITTED, ACCEPTED));
        OpportunityOpened opened = new OpportunityOpened("opp-1", SUBMITTED.customerKey(), "NETWORK_SECURITY",
                ACCEPTED);

        assertThat(RegistrationView.PROJECTOR.viewIdOf(opened)).isEmpty();
        assertThat(RegistrationView.PROJECTOR.apply(view, opened, Fixtures.ref(opened, ACCEPTED))).isSameAs(view);

        RegistrationWithdrawn orphan = new RegistrationWithdrawn("opp-1", "no-such-registration", "P-1", null,
                ACCEPTED);
        assertThat(RegistrationView.PROJECTOR.apply(null, orphan, Fixtures.ref(orphan, ACCEPTED))).isNull();
    }

    @Test
    void aSecondCreationOfAnExistingViewKeepsTheFirst() {
        RegistrationView first = RegistrationView.PROJECTOR.apply(null, SUBMITTED, Fixtures.ref(SUBMITTED, ACCEPTED));

        RegistrationView again = RegistrationView.PROJECTOR.apply(first, SUBMITTED,
                Fixtures.ref(SUBMITTED, ACCEPTED.plusSeconds(1)));

        assertThat(again).isSameAs(first);
    }

    @Test
    void anEventWithoutWhatItsTypePromisesCannotBeApplied() {
        RegistrationSubmitted incomplete = new RegistrationSubmitted("opp-1", SUBMITTED.registrationId(), "P-1", 1,
                null, SUBMITTED.customerKey(), "NETWORK_SECURITY", SUBMITTED.estimatedValue(),
                SUBMITTED.expectedCloseDate(), null, ACCEPTED, 1);
        RegistrationWithdrawn anonymous = new RegistrationWithdrawn("opp-1", null, "P-1", null, ACCEPTED);

        assertThatThrownBy(() -> RegistrationView.from(incomplete))
                .isInstanceOfSatisfying(UndecodableRecordException.class, e -> {
                    assertThat(e.reason()).isEqualTo("payload");
                    assertThat(e).hasMessageContaining("customer");
                });
        assertThatThrownBy(() -> RegistrationView.PROJECTOR.viewIdOf(anonymous))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void partnersDoNotSeeThePositionStaffDo() {
        RegistrationView view = RegistrationView.from(SUBMITTED);

        assertThat(RegistrationResponse.of(view, false).position()).isNull();
        assertThat(RegistrationResponse.of(view, true).position()).isEqualTo(2);
    }

    @Test
    void theStoredDocumentReadsBackEqualWithEveryMember() {
        RegistrationView approved = RegistrationTransitionsTest.approved();
        RegistrationView view = approved.with(b -> b
                .pendingExtension(new RegistrationView.PendingExtension("ext-1", 30, "board vote", ACCEPTED))
                .rejection(new RegistrationView.Rejection("OTHER", "note", ACCEPTED))
                .outcome(new RegistrationView.Outcome("WON", approved.estimatedValue(), null, ACCEPTED))
                .withdrawnAt(ACCEPTED).withdrawalReason("why").supported(true).extensionsGranted(1)
                .reviewLevel(2).reviewDueAt(ACCEPTED).updatedAt(ACCEPTED).lastEventId("ev-9"));
        ViewDocuments documents = new ViewDocuments(Fixtures.CODEC);

        assertThat(documents.read(documents.write(view), RegistrationView.class)).isEqualTo(view);
    }
}

package com.leadledger.query.registration;

import com.leadledger.events.common.Money;
import com.leadledger.events.opportunity.SupportGranted;
import com.leadledger.events.opportunity.SupportMoved;
import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.opportunity.SupportWithdrawn;
import com.leadledger.events.registration.EarlierRegistrationNoticeIssued;
import com.leadledger.events.registration.ExtensionGranted;
import com.leadledger.events.registration.ExtensionRefused;
import com.leadledger.events.registration.ExtensionRequested;
import com.leadledger.events.registration.RegistrationApproved;
import com.leadledger.events.registration.RegistrationBecameReviewable;
import com.leadledger.events.registration.RegistrationExpired;
import com.leadledger.events.registration.RegistrationLost;
import com.leadledger.events.registration.RegistrationRejected;
import com.leadledger.events.registration.RegistrationStatus;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;
import com.leadledger.events.registration.RegistrationWon;
import com.leadledger.events.registration.RejectionReason;
import com.leadledger.events.registration.ReviewEscalated;
import com.leadledger.events.registration.ReviewSlaStarted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.projection.EventRef;
import com.leadledger.query.projection.Projector;
import com.leadledger.query.projection.UndecodableRecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registration view's transitions beyond submission and withdrawal. */
class RegistrationTransitionsTest {

    static final Instant T0 = Instant.parse("2030-05-04T10:00:00Z");
    static final RegistrationSubmitted SUBMITTED = Fixtures.submitted("opp-1", "P-1", 1, T0);
    static final String ID = SUBMITTED.registrationId();
    /** A decision by staff member manager-3, as its event's audit metadata records it. */
    static final EventRef BY_MANAGER_3 = new EventRef("decision-1", "RegistrationApproved", "opp-1", 3, 40,
            T0.plusSeconds(61), Fixtures.metadata("manager-3", "CHANNEL_MANAGER", null));

    static RegistrationView submitted() {
        return RegistrationView.from(SUBMITTED);
    }

    static RegistrationView approved() {
        return submitted().apply(new RegistrationApproved("opp-1", ID, "P-1", new BigDecimal("12.5"), 90,
                T0.plus(Duration.ofDays(90)), null, null, T0.plusSeconds(60), 1), BY_MANAGER_3);
    }

    @Test
    void aNewRegistrationHasNoDecisionNoSupportAndNoReviewClockYet() {
        RegistrationView v = submitted();

        assertThat(v.discountPercent()).isNull();
        assertThat(v.protectionDays()).isNull();
        assertThat(v.protectedUntil()).isNull();
        assertThat(v.supported()).isFalse();
        assertThat(v.reviewLevel()).isNull();
        assertThat(v.reviewDueAt()).isNull();
        assertThat(v.extensionsGranted()).isZero();
        assertThat(v.pendingExtension()).isNull();
        assertThat(v.rejection()).isNull();
        assertThat(v.outcome()).isNull();
        assertThat(v.decidedAt()).isNull();
        assertThat(v.lastDecisionBy()).isNull();
    }

    @Test
    void theReviewClockStartsEscalatesAndStartsOverWhenTheRegistrationBecomesReviewable() {
        Instant due1 = T0.plus(Duration.ofDays(2));
        Instant due2 = T0.plus(Duration.ofDays(4));
        Instant due3 = T0.plus(Duration.ofDays(9));

        RegistrationView started = submitted().apply(new ReviewSlaStarted("opp-1", ID, 1, due1, T0, 1));
        RegistrationView escalated = started.apply(new ReviewEscalated("opp-1", ID, 2, due2, due1, 1));
        RegistrationView reviewable = escalated.apply(new RegistrationBecameReviewable("opp-1", ID, "P-1", due3,
                T0.plus(Duration.ofDays(7)), 1));

        assertThat(started.reviewLevel()).isEqualTo(1);
        assertThat(started.reviewDueAt()).isEqualTo(due1);
        assertThat(escalated.reviewLevel()).isEqualTo(2);
        assertThat(escalated.reviewDueAt()).isEqualTo(due2);
        assertThat(reviewable.reviewLevel()).isEqualTo(1);
        assertThat(reviewable.reviewDueAt()).isEqualTo(due3);
        assertThat(reviewable.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(started.reviewLevel()).as("the old state is untouched").isEqualTo(1);
    }

    @Test
    void aReviewClockEventForADecidedRegistrationChangesNothing() {
        RegistrationView decided = approved();

        assertThat(decided.apply(new ReviewEscalated("opp-1", ID, 2, T0, T0, 1))).isSameAs(decided);
    }

    @Test
    void approvalProtectsWithADiscountAndStopsTheReviewClock() {
        RegistrationView underReview = submitted().apply(new ReviewSlaStarted("opp-1", ID, 1, T0.plusSeconds(5), T0,
                1));

        RegistrationView approved = underReview.apply(new RegistrationApproved("opp-1", ID, "P-1",
                new BigDecimal("12.5"), 90, T0.plus(Duration.ofDays(90)), "ok", null, T0.plusSeconds(60), 1),
                BY_MANAGER_3);

        assertThat(approved.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(approved.isActive()).isTrue();
        assertThat(approved.discountPercent()).isEqualByComparingTo("12.5");
        assertThat(approved.protectionDays()).isEqualTo(90);
        assertThat(approved.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(approved.decidedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(approved.lastDecisionBy()).isEqualTo("manager-3");
        assertThat(approved.reviewLevel()).isNull();
        assertThat(approved.reviewDueAt()).isNull();
    }

    @Test
    void rejectionRecordsTheReasonTheNoteAndOnlyTheTimeOfTheEarlierRegistration() {
        Instant earlier = T0.minusSeconds(600);

        RegistrationView rejected = submitted().apply(new RegistrationRejected("opp-1", ID, "P-1",
                RejectionReason.ALREADY_REGISTERED, "first come first served", earlier, T0.plusSeconds(90), 1),
                BY_MANAGER_3);

        assertThat(rejected.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(rejected.isActive()).isFalse();
        assertThat(rejected.rejection()).isEqualTo(new RegistrationView.Rejection("ALREADY_REGISTERED",
                "first come first served", earlier));
        assertThat(rejected.decidedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(rejected.lastDecisionBy()).isEqualTo("manager-3");
        assertThat(rejected.discountPercent()).isNull();
    }

    @Test
    void withdrawalStopsTheReviewClock() {
        RegistrationView withdrawn = submitted()
                .apply(new ReviewSlaStarted("opp-1", ID, 1, T0.plusSeconds(5), T0, 1))
                .apply(new RegistrationWithdrawn("opp-1", ID, "P-1", "changed plans", T0.plusSeconds(10)));

        assertThat(withdrawn.status()).isEqualTo(RegistrationStatus.WITHDRAWN);
        assertThat(withdrawn.reviewLevel()).isNull();
        assertThat(withdrawn.reviewDueAt()).isNull();
    }

    @Test
    void expiryEndsProtectionAndKeepsWhenItEnded() {
        RegistrationView approved = approved();

        RegistrationView expired = approved.apply(new RegistrationExpired("opp-1", ID, "P-1",
                approved.protectedUntil()));

        assertThat(expired.status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(expired.isActive()).isFalse();
        assertThat(expired.protectedUntil()).isEqualTo(approved.protectedUntil());
        assertThat(expired.discountPercent()).isEqualByComparingTo("12.5");
    }

    @Test
    void anExtensionIsPendingUntilGrantedWhichMovesProtectedUntil() {
        Instant until = approved().protectedUntil();
        RegistrationView requested = approved().apply(new ExtensionRequested("opp-1", ID, "ext-1", "P-1",
                "customer needs a board vote", 30, T0.plusSeconds(100)));

        assertThat(requested.pendingExtension()).isEqualTo(new RegistrationView.PendingExtension("ext-1", 30,
                "customer needs a board vote", T0.plusSeconds(100)));
        assertThat(requested.protectedUntil()).isEqualTo(until);

        RegistrationView granted = requested.apply(new ExtensionGranted("opp-1", ID, "ext-1", "P-1", 30,
                until.plus(Duration.ofDays(30)), null, T0.plusSeconds(200), 1));

        assertThat(granted.pendingExtension()).isNull();
        assertThat(granted.protectedUntil()).isEqualTo(until.plus(Duration.ofDays(30)));
        assertThat(granted.extensionsGranted()).isEqualTo(1);
        assertThat(granted.protectionDays()).as("the approval's own period").isEqualTo(90);
        assertThat(granted.status()).isEqualTo(RegistrationStatus.APPROVED);
    }

    @Test
    void aRefusedExtensionLeavesProtectionAsItWas() {
        RegistrationView requested = approved().apply(new ExtensionRequested("opp-1", ID, "ext-1", "P-1", "why not",
                10, T0.plusSeconds(100)));

        RegistrationView refused = requested.apply(new ExtensionRefused("opp-1", ID, "ext-1", "P-1", "no",
                T0.plusSeconds(200), 1));

        assertThat(refused.pendingExtension()).isNull();
        assertThat(refused.extensionsGranted()).isZero();
        assertThat(refused.protectedUntil()).isEqualTo(approved().protectedUntil());
    }

    @Test
    void theOwnerReportsWonWithTheFinalValueOrLostWithAReason() {
        RegistrationView won = approved().apply(new RegistrationWon("opp-1", ID, "P-1",
                Money.of("1100000.00", "RUB"), T0.plusSeconds(300)));
        RegistrationView lost = approved().apply(new RegistrationLost("opp-1", ID, "P-1", "price",
                T0.plusSeconds(300)));

        assertThat(won.status()).isEqualTo(RegistrationStatus.WON);
        assertThat(won.outcome()).isEqualTo(new RegistrationView.Outcome("WON", Money.of("1100000.00", "RUB"), null,
                T0.plusSeconds(300)));
        assertThat(lost.status()).isEqualTo(RegistrationStatus.LOST);
        assertThat(lost.outcome()).isEqualTo(new RegistrationView.Outcome("LOST", null, "price",
                T0.plusSeconds(300)));
        assertThat(won.isActive()).isFalse();
    }

    @Test
    void supportIsGrantedAndWithdrawn() {
        RegistrationView supported = approved().apply(new SupportGranted("opp-1", ID, "P-1", null, T0, 1));
        RegistrationView unsupported = supported.apply(new SupportWithdrawn("opp-1", ID, "P-1",
                SupportReason.PROTECTION_EXPIRED, null, null, null, T0, 1));

        assertThat(supported.supported()).isTrue();
        assertThat(unsupported.supported()).isFalse();
    }

    @Test
    void aSupportMoveChangesBothRegistrationsItTouches() {
        RegistrationSubmitted other = Fixtures.submitted("opp-1", "P-2", 2, T0.plusSeconds(1));
        SupportMoved move = new SupportMoved("opp-1", ID, "P-1", other.registrationId(), "P-2",
                SupportReason.CUSTOMER_WRITTEN_PREFERENCE, null, "ab".repeat(32), null, T0.plusSeconds(500), 1);
        SupportGranted grant = new SupportGranted("opp-1", ID, "P-1", null, T0.plusSeconds(2), 1);
        EventRef moved = Fixtures.ref(move, T0.plusSeconds(1000));
        List<Projector.Step> history = List.of(
                new Projector.Step(SUBMITTED, Fixtures.ref(SUBMITTED, T0)),
                new Projector.Step(other, Fixtures.ref(other, T0.plusSeconds(1))),
                new Projector.Step(grant, Fixtures.ref(grant, T0.plusSeconds(2))),
                new Projector.Step(move, moved));

        assertThat(RegistrationView.PROJECTOR.viewIdsOf(move)).containsExactly(ID, other.registrationId());
        assertThatThrownBy(() -> RegistrationView.PROJECTOR.viewIdOf(move)).isInstanceOf(IllegalStateException.class);
        Map<String, RegistrationView> views = RegistrationView.PROJECTOR.foldAll(history);

        assertThat(views.get(ID).supported()).isFalse();
        assertThat(views.get(other.registrationId()).supported()).isTrue();
        assertThat(views.get(ID).lastEventId()).isEqualTo(moved.eventId());
        assertThat(views.get(other.registrationId()).lastEventId()).isEqualTo(moved.eventId());
        assertThat(RegistrationView.PROJECTOR.fold(other.registrationId(), history).supported()).isTrue();
    }

    @Test
    void aSupportMoveWithoutItsTargetCannotBeApplied() {
        SupportMoved incomplete = new SupportMoved("opp-1", ID, "P-1", null, "P-2", null, null, null, null, T0, 1);

        assertThatThrownBy(() -> RegistrationView.PROJECTOR.viewIdsOf(incomplete))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void anApprovalWithoutItsProtectionCannotBeApplied() {
        RegistrationApproved incomplete = new RegistrationApproved("opp-1", ID, "P-1", BigDecimal.ONE, 90, null,
                null, null, T0, 1);

        assertThatThrownBy(() -> submitted().apply(incomplete, BY_MANAGER_3))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void theEarlierRegistrationNoticeIsNotARegistrationChange() {
        EarlierRegistrationNoticeIssued notice = new EarlierRegistrationNoticeIssued("opp-1", ID, "P-1", T0, T0);

        assertThat(RegistrationView.PROJECTOR.viewIdsOf(notice)).isEmpty();
    }

    @Test
    void partnersSeeTheirDealTermsButNeitherPositionNorReviewClockNorWhoDecided() {
        RegistrationView underReview = submitted().apply(new ReviewSlaStarted("opp-1", ID, 1, T0.plusSeconds(5), T0,
                1));

        RegistrationResponse partner = RegistrationResponse.of(underReview, false);
        RegistrationResponse staff = RegistrationResponse.of(underReview, true);
        RegistrationResponse approvedForPartner = RegistrationResponse.of(approved(), false);
        RegistrationResponse approvedForStaff = RegistrationResponse.of(approved(), true);

        assertThat(partner.position()).isNull();
        assertThat(partner.reviewLevel()).isNull();
        assertThat(partner.reviewDueAt()).isNull();
        assertThat(staff.position()).isEqualTo(1);
        assertThat(staff.reviewLevel()).isEqualTo(1);
        assertThat(staff.reviewDueAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(approvedForPartner.discountPercent()).isEqualByComparingTo("12.5");
        assertThat(approvedForPartner.protectedUntil()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(approvedForPartner.lastDecisionBy()).isNull();
        assertThat(approvedForStaff.lastDecisionBy()).isEqualTo("manager-3");
        assertThat(partner.notices()).isNull();
    }
}
